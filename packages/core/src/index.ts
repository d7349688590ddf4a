export { EoskitError, isEoskitError } from './errors.js';
export type { ErrorCode, EoskitErrorOptions } from './errors.js';
export type * from './client/types.js';
