/** Without any assignment for this long, a command with nothing to read ends anyway. */
export const NO_ASSIGNMENT_GRACE_MS = 30_000;

/** One look at a running reader or processor. */
export interface IdleSample {
  /** A counter that moves whenever the command does something (records, aborts, rebalances). */
  activity: number;
  /** It owns partitions now. */
  assigned: boolean;
  /** Nothing is left to commit or to restore: stopping now loses no work. */
  settled: boolean;
}

/** A running idle watch: `reached` resolves once idle; `cancel` ends the watch (it must not keep the process alive). */
export interface IdleWatch {
  reached: Promise<void>;
  cancel(): void;
}

/**
 * Resolves once, after the first assignment, `activity` has not moved for
 * `idleMs` and the sample is settled; with no assignment at all, after
 * `max(idleMs, NO_ASSIGNMENT_GRACE_MS)`. Samples every 100 ms.
 */
export function watchIdle(sample: () => IdleSample, idleMs: number): IdleWatch {
  const started = Date.now();
  let seen = -1;
  let since = 0;
  let everAssigned = false;
  let timer: NodeJS.Timeout | undefined;
  const reached = new Promise<void>((resolve) => {
    timer = setInterval(() => {
      const s = sample();
      const now = Date.now();
      if (s.assigned) everAssigned = true;
      if (!everAssigned || s.activity !== seen || !s.settled) since = now;
      seen = s.activity;
      const idle = everAssigned ? now - since >= idleMs : now - started >= Math.max(idleMs, NO_ASSIGNMENT_GRACE_MS);
      if (idle && s.settled) {
        clearInterval(timer);
        resolve();
      }
    }, 100);
  });
  return { reached, cancel: () => clearInterval(timer) };
}
