import { describe, expect, it } from 'vitest';
import { RangePlan } from './range-plan.js';

const record = (partition: number, offset: number) => ({ topic: 't', partition, offset, key: null, value: null, headers: {}, timestamp: 0 });

describe('core > client > range plan', () => {
  it('tracks each range until the position passes its end', () => {
    const plan = new RangePlan([
      { topic: 't', partition: 0, from: 2, to: 5 },
      { topic: 't', partition: 1, from: 0, to: 0 },
    ]);
    expect(plan.done).toBe(false);
    expect(plan.topics).toEqual(['t']);
    expect(plan.wants(record(0, 1))).toBe(false);
    expect(plan.wants(record(0, 2))).toBe(true);
    expect(plan.wants(record(1, 0))).toBe(false);
    expect(plan.advance({ topic: 't', partition: 0 }, 3)).toBe(false);
    expect(plan.wants(record(0, 2))).toBe(false);
    expect(plan.describeMissing()).toBe('t[0] at 3 of 2..5');
    // A position past the end (skipped markers or aborted records) finishes the range.
    expect(plan.advance({ topic: 't', partition: 0 }, 9)).toBe(true);
    expect(plan.advance({ topic: 't', partition: 0 }, 10)).toBe(false);
    expect(plan.done).toBe(true);
    expect(plan.nextOffset({ topic: 't', partition: 0 })).toBeUndefined();
  });

  it('never moves a position back', () => {
    const plan = new RangePlan([{ topic: 't', partition: 0, from: 0, to: 10 }]);
    plan.advance({ topic: 't', partition: 0 }, 6);
    plan.advance({ topic: 't', partition: 0 }, 4);
    expect(plan.nextOffset({ topic: 't', partition: 0 })).toBe(6);
  });

  it('refuses malformed or duplicate ranges', () => {
    expect(() => new RangePlan([{ topic: 't', partition: 0, from: -1, to: 2 }])).toThrow(/range 0 \(t\[0\]\): from must be a non-negative integer/);
    expect(() => new RangePlan([
      { topic: 't', partition: 0, from: 0, to: 2 },
      { topic: 't', partition: 0, from: 5, to: 6 },
    ])).toThrow(/range 1 \(t\[0\]\): partition listed twice/);
  });
});
