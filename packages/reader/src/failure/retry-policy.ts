/** How a failing handler is retried before the failure policy applies. */
export interface RetryOptions {
  /** Retries after the first attempt. Default 5. */
  retries?: number;
  /** Delay before the first retry; doubles each time, with jitter. Default 200 ms. */
  initialBackoffMs?: number;
  /** Upper bound of one delay. Default 5000 ms. */
  maxBackoffMs?: number;
}

/** Injected for tests: waits `ms`. */
export type Sleep = (ms: number) => Promise<void>;

const defaultSleep: Sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `attempt` until it succeeds or `retries` retries failed, waiting an
 * exponentially growing, jittered delay in between. `shouldRetry` may cut
 * retries short (a closed reader, an error that cannot succeed on repeat).
 * Rethrows the last error.
 */
export async function retryWithBackoff<T>(
  attempt: (attemptNumber: number) => Promise<T>,
  options: RetryOptions & {
    shouldRetry?: (error: unknown) => boolean;
    onRetry?: (error: unknown, attemptNumber: number, delayMs: number) => void;
    sleep?: Sleep;
    random?: () => number;
  } = {},
): Promise<T> {
  const retries = options.retries ?? 5;
  const initial = options.initialBackoffMs ?? 200;
  const max = options.maxBackoffMs ?? 5000;
  const sleep = options.sleep ?? defaultSleep;
  const random = options.random ?? Math.random;
  for (let n = 0; ; n++) {
    try {
      return await attempt(n);
    } catch (err) {
      if (n >= retries || (options.shouldRetry !== undefined && !options.shouldRetry(err))) throw err;
      // "Equal jitter": half fixed, half random, so retries of many readers spread out but still back off.
      const base = Math.min(max, initial * 2 ** n);
      const delay = Math.round(base / 2 + (random() * base) / 2);
      options.onRetry?.(err, n + 1, delay);
      await sleep(delay);
    }
  }
}
