import { EoskitError, isEoskitError } from '@eoskit/core';

/** Anything thrown, as an Error. */
export function asError(err: unknown): Error {
  return err instanceof Error ? err : new EoskitError('KAFKA', String(err));
}

/** `write()` before `connect()` finished. */
export function notConnected(writerId: string): EoskitError {
  return new EoskitError('NOT_CONNECTED', `writer ${writerId} is not connected: await connect() first`);
}

/** Any call after `close()`. */
export function closedError(writerId: string): EoskitError {
  return new EoskitError('CLOSED', `writer ${writerId} is closed`);
}

/** What pending and later writes fail with once the writer failed: the cause's code, the writer named. */
export function failedError(writerId: string, cause: Error): EoskitError {
  const code = isEoskitError(cause) ? cause.code : 'KAFKA';
  return new EoskitError(code, `writer ${writerId} failed: ${cause.message}`, { cause });
}

/** Nothing became durable for longer than the writer's budget. */
export function stalledError(writerId: string, stalledFor: number, budgetMs: number, cause: unknown): EoskitError {
  const last = cause instanceof Error ? `; last error: ${cause.message}` : '';
  return new EoskitError(
    'TIMEOUT',
    `writer ${writerId}: no record became durable for ${stalledFor} ms (deliveryTimeoutMs ${budgetMs})${last}; ` +
      'their outcome is unknown: create a new writer, its recovery reads the log',
    { retriable: true, cause },
  );
}
