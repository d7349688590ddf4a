/** Time bounds for client calls that have none of their own. */
import { EoskitError } from '../errors.js';

/**
 * Resolves like `promise`, or rejects with `TIMEOUT` after `ms`. The
 * underlying work is not cancelled (the clients offer no way to), so a
 * timeout means its outcome is unknown.
 *
 * @param promise - the call to bound
 * @param ms - the deadline in milliseconds
 * @param what - names the call in the error message
 */
export async function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new EoskitError('TIMEOUT', `${what} did not finish within ${ms} ms; its outcome is unknown`, { retriable: true })),
      ms,
    );
  });
  promise.catch(() => undefined); // a failure after the deadline is not an unhandled rejection
  try {
    return await Promise.race([promise, deadline]);
  } finally {
    clearTimeout(timer);
  }
}

/** Resolves after `ms`. */
export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `run` again every 100 ms while it fails with an error `again` accepts, for up to `waitMs`; then the
 * last failure is thrown. For read-only calls the client library gives up on too soon, such as ListOffsets
 * right after CreateTopics (NOT_LEADER_OR_FOLLOWER while the new leader is still taking over).
 */
export async function askAgain<T>(run: () => Promise<T>, again: (err: unknown) => boolean, waitMs: number): Promise<T> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      return await run();
    } catch (err) {
      if (!again(err) || Date.now() >= deadline) throw err;
    }
    await sleep(100);
  }
}
