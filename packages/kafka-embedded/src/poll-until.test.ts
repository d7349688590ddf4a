import { describe, expect, it } from 'vitest';
import { pollUntil } from './poll-until.js';

describe('kafka-embedded > poll until', () => {
  it('returns once the step reports true', async () => {
    let n = 0;
    await pollUntil('counting', { timeoutMs: 5000, intervalMs: 1 }, async () => (++n >= 3 ? true : `n=${n}`));
    expect(n).toBe(3);
  });

  it('times out naming the last reason, thrown errors included', async () => {
    await expect(
      pollUntil('waiting for x', { timeoutMs: 50, intervalMs: 5 }, async () => {
        throw new Error('connection refused');
      }),
    ).rejects.toMatchObject({ code: 'EMBEDDED_KAFKA', message: expect.stringMatching(/waiting for x: not done .*connection refused/) });
  });

  it('stops at once when the check throws', async () => {
    let steps = 0;
    const check = () => {
      if (steps > 0) throw new Error('node 2 exited');
    };
    await expect(pollUntil('x', { timeoutMs: 10_000, intervalMs: 1, check }, async () => (steps++, 'no'))).rejects.toThrow('node 2 exited');
    expect(steps).toBe(1);
  });
});
