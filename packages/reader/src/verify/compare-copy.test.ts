import { describe, expect, it } from 'vitest';
import { compareCopy } from './compare-copy.js';

let offset = 0;
const rec = (key: string | null, value: string, partition = 0) => ({
  partition,
  offset: offset++,
  key: key === null ? null : Buffer.from(key),
  value: Buffer.from(value),
});

describe('reader > verify > copy', () => {
  const input = [rec('a', '1'), rec('b', '1', 1), rec('a', '2'), rec('a', '3'), rec('b', '2', 1)];

  it('is exact for a faithful copy, whatever the partitioning of the output', () => {
    const output = [rec('b', '1', 0), rec('a', '1', 2), rec('a', '2', 2), rec('b', '2', 0), rec('a', '3', 2)];
    expect(compareCopy(input, output)).toEqual({ records: 5, unique: 5, duplicates: 0, missing: 0, outOfOrder: 0, unexpected: 0, exact: true });
  });

  it('counts duplicates, missing and unexpected records', () => {
    const output = [rec('a', '1'), rec('a', '1'), rec('a', '2'), rec('b', '1', 1), rec('c', '9', 1)];
    expect(compareCopy(input, output)).toEqual({ records: 5, unique: 4, duplicates: 1, missing: 2, outOfOrder: 0, unexpected: 1, exact: false });
  });

  it('counts records of a key that overtook a later one', () => {
    const output = [rec('a', '2'), rec('a', '1'), rec('a', '3'), rec('b', '2', 1), rec('b', '1', 1)];
    const report = compareCopy(input, output);
    expect(report.outOfOrder).toBe(2);
    expect(report.exact).toBe(false);
  });

  it('expects an event repeated in the input as many times in the output', () => {
    const twice = [rec('k', 'same'), rec('k', 'same')];
    expect(compareCopy(twice, [rec('k', 'same')]).missing).toBe(1);
    expect(compareCopy(twice, [rec('k', 'same'), rec('k', 'same')]).exact).toBe(true);
  });

  it('treats a null key as a key of its own', () => {
    expect(compareCopy([rec(null, 'v')], [rec(null, 'v')]).exact).toBe(true);
    expect(compareCopy([rec(null, 'v')], [rec('', 'v')]).unexpected).toBe(1);
  });
});
