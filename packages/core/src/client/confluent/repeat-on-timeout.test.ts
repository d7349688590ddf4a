import { describe, expect, it } from 'vitest';
import { ERR_TIMED_OUT, repeatOnTimeout } from './repeat-on-timeout.js';

const timedOut = () => Object.assign(new Error('commit timed out'), { code: ERR_TIMED_OUT });

describe('core > client > confluent > repeat on timeout', () => {
  it('repeats a call that ran into the layer’s fixed timeout', async () => {
    let calls = 0;
    const result = await repeatOnTimeout(async () => {
      if (++calls < 3) throw timedOut();
      return 'committed';
    }, 60_000);
    expect([result, calls]).toEqual(['committed', 3]);
  });

  it('gives up once the budget is spent', async () => {
    let now = 0;
    let calls = 0;
    const run = repeatOnTimeout(async () => {
      calls++;
      now += 5000;
      throw timedOut();
    }, 12_000, () => now);
    await expect(run).rejects.toThrow('commit timed out');
    expect(calls).toBe(3);
  });

  it('does not repeat other errors', async () => {
    let calls = 0;
    const fenced = Object.assign(new Error('fenced'), { code: -144 });
    await expect(repeatOnTimeout(async () => {
      calls++;
      throw fenced;
    }, 60_000)).rejects.toBe(fenced);
    expect(calls).toBe(1);
  });
});
