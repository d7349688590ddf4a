export { EoskitError, isEoskitError } from './errors.js';
export type { ErrorCode, EoskitErrorOptions } from './errors.js';
export type * from './client/types.js';
export { createClient } from './client/create-client.js';
export {
  HEADER_FORMAT_VERSION,
  MAX_SEQUENCE,
  MAX_WRITER_ID_BYTES,
  SEQUENCE_HEADER,
  VERSION_HEADER,
  WRITER_HEADER,
  decodeSequence,
  decodeWriterHeaders,
  decodeWriterId,
  encodeSequence,
  encodeWriterHeaders,
  encodeWriterId,
  sequenceProblem,
  writerIdProblem,
} from './headers/writer-headers.js';
export type { WriterStamp } from './headers/writer-headers.js';
