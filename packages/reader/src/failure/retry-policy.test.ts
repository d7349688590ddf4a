import { describe, expect, it } from 'vitest';
import { retryWithBackoff } from './retry-policy.js';

describe('reader > failure > retry', () => {
  it('retries with growing delays and returns the first success', async () => {
    const delays: number[] = [];
    let calls = 0;
    const result = await retryWithBackoff(
      async () => {
        calls += 1;
        if (calls < 4) throw new Error(`fail ${calls}`);
        return 'ok';
      },
      { retries: 5, initialBackoffMs: 100, maxBackoffMs: 300, sleep: async (ms) => void delays.push(ms), random: () => 1 },
    );
    expect(result).toBe('ok');
    expect(calls).toBe(4);
    expect(delays).toEqual([100, 200, 300]);
  });

  it('rethrows the last error once retries are spent', async () => {
    let calls = 0;
    const run = retryWithBackoff(
      async () => {
        calls += 1;
        throw new Error(`fail ${calls}`);
      },
      { retries: 2, sleep: async () => undefined },
    );
    await expect(run).rejects.toThrow('fail 3');
  });

  it('stops early when shouldRetry says no', async () => {
    let calls = 0;
    await expect(
      retryWithBackoff(
        async () => {
          calls += 1;
          throw new Error('fatal');
        },
        { retries: 9, shouldRetry: () => false, sleep: async () => undefined },
      ),
    ).rejects.toThrow('fatal');
    expect(calls).toBe(1);
  });
});
