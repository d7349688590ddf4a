import { describe, expect, it } from 'vitest';
import { EoskitError, isEoskitError } from './errors.js';

describe('core > errors', () => {
  it('carries a stable code, retriable flag and cause', () => {
    const cause = new Error('broker said no');
    const err = new EoskitError('PRODUCER_FENCED', 'fenced by a newer producer', { cause });
    expect(err).toBeInstanceOf(Error);
    expect(err.name).toBe('EoskitError');
    expect(err.code).toBe('PRODUCER_FENCED');
    expect(err.retriable).toBe(false);
    expect(err.cause).toBe(cause);
    expect(isEoskitError(err, 'PRODUCER_FENCED')).toBe(true);
    expect(isEoskitError(err, 'TIMEOUT')).toBe(false);
    expect(isEoskitError(new Error('x'))).toBe(false);
  });

  it('names subclasses after themselves', () => {
    class FencedError extends EoskitError {}
    expect(new FencedError('PRODUCER_FENCED', 'x').name).toBe('FencedError');
  });
});
