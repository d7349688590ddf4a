/**
 * The KafkaJS layer of `@confluentinc/kafka-javascript` gives commit, abort
 * and sendOffsets a fixed 5 s timeout. librdkafka reports running out of it
 * as ERR__TIMED_OUT and allows calling the same method again, which resumes
 * the operation; this repeats the call until `budgetMs` is spent.
 */

/** librdkafka's ERR__TIMED_OUT. */
export const ERR_TIMED_OUT = -185;

/** True for a librdkafka ERR__TIMED_OUT error (the layer drops the retriable flag, so only the code counts). */
export const isTimedOut = (err: unknown): boolean => (err as { code?: unknown } | null)?.code === ERR_TIMED_OUT;

/** Calls `run` again while it fails with ERR__TIMED_OUT and `budgetMs` is not spent. */
export async function repeatOnTimeout<T>(run: () => Promise<T>, budgetMs: number, now: () => number = Date.now): Promise<T> {
  const deadline = now() + budgetMs;
  for (;;) {
    try {
      return await run();
    } catch (err) {
      if (!isTimedOut(err) || now() >= deadline) throw err;
    }
  }
}
