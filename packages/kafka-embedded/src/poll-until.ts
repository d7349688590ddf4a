import { EoskitError } from '@eoskit/core';

/** One look at the condition: `true` when met, else a short reason shown if time runs out. */
export type PollStep = () => Promise<true | string>;

/**
 * Repeats `step` every `intervalMs` until it returns true. `check` runs before each step and throws
 * to give up early (a node process died). Errors thrown by `step` count as "not yet" and their
 * message becomes the reason. Times out with an `EMBEDDED_KAFKA` error naming the last reason.
 */
export async function pollUntil(
  what: string,
  options: { timeoutMs: number; intervalMs?: number; check?: () => void },
  step: PollStep,
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  let reason = 'not checked yet';
  for (;;) {
    options.check?.();
    try {
      const result = await step();
      if (result === true) return;
      reason = result;
    } catch (err) {
      reason = (err as Error).message;
    }
    if (Date.now() >= deadline) {
      throw new EoskitError('EMBEDDED_KAFKA', `${what}: not done after ${Math.round(options.timeoutMs / 1000)} s (${reason})`, { retriable: true });
    }
    await new Promise((resolve) => setTimeout(resolve, options.intervalMs ?? 200));
  }
}
