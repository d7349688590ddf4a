import { EoskitError } from '@eoskit/core';

/**
 * Fails with a retriable `TIMEOUT` when `work` does not settle within `ms`.
 * Clients can wedge on a coordinator that moved (librdkafka's
 * send_offsets_to_transaction ignores its timeout, librdkafka#5456): the
 * processor then treats the call's outcome as unknown and recreates the
 * producer. `work` is not cancelled; its result is ignored.
 */
export async function withDeadline<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new EoskitError('TIMEOUT', `${what} did not finish within ${ms} ms`, { retriable: true })), ms);
  });
  work.catch(() => undefined); // a late failure after the deadline is not unhandled
  try {
    return await Promise.race([work, deadline]);
  } finally {
    clearTimeout(timer);
  }
}
