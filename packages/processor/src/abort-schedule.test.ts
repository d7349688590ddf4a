import { describe, expect, it } from 'vitest';
import { AbortSchedule } from './abort-schedule.js';

const run = (ratio: number, n: number): boolean[] => {
  const s = new AbortSchedule(ratio);
  return Array.from({ length: n }, () => s.next());
};

describe('processor > abort schedule', () => {
  it('aborts exactly the given share of attempts, spread out', () => {
    expect(run(1 / 3, 9)).toEqual([false, false, true, false, false, true, false, false, true]);
    expect(run(0.25, 400).filter(Boolean).length).toBe(100);
  });

  it('never aborts with ratio 0 and never aborts twice in a row below one half', () => {
    expect(run(0, 50).some(Boolean)).toBe(false);
    const r = run(0.45, 200);
    expect(r.some((a, i) => a && r[i + 1])).toBe(false);
  });
});
