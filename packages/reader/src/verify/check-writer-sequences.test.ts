import { encodeWriterHeaders } from '@eoskit/core';
import type { ConsumedRecord } from '@eoskit/core';
import { describe, expect, it } from 'vitest';
import { checkWriterSequences } from './check-writer-sequences.js';

const offsets = new Map<number, number>();
function rec(partition: number, writerId: string, sequence: number): ConsumedRecord {
  const offset = offsets.get(partition) ?? 0;
  offsets.set(partition, offset + 1);
  return { topic: 't', partition, offset, key: null, value: null, headers: encodeWriterHeaders({ writerId, sequence }), timestamp: 0 };
}

describe('reader > verify > writer sequences', () => {
  it('is exact when 0..count-1 each appear once, in order per partition; other writers are ignored', () => {
    const records = [rec(0, 'w', 0), rec(1, 'w', 1), rec(0, 'w', 2), rec(0, 'x', 0), rec(1, 'w', 3), { ...rec(0, 'w', 9), headers: {} }];
    expect(checkWriterSequences(records, { writerId: 'w', count: 4 })).toEqual({
      records: 4,
      unique: 4,
      duplicates: 0,
      missing: 0,
      outOfOrder: 0,
      unexpected: 0,
      exact: true,
    });
  });

  it('reports repeats, gaps, reordering and sequences beyond count', () => {
    const records = [rec(0, 'w', 0), rec(0, 'w', 2), rec(0, 'w', 1), rec(0, 'w', 2), rec(1, 'w', 0), rec(1, 'w', 7)];
    expect(checkWriterSequences(records, { writerId: 'w', count: 5 })).toEqual({
      records: 6,
      unique: 3,
      duplicates: 2,
      missing: 2,
      outOfOrder: 1,
      unexpected: 1,
      exact: false,
    });
  });

  it('with dedup, checks what the sequence reader delivers: repeats in a partition are dropped', () => {
    const records = [rec(0, 'w', 0), rec(0, 'w', 1), rec(0, 'w', 1), rec(0, 'w', 0), rec(0, 'w', 2)];
    expect(checkWriterSequences(records, { writerId: 'w', count: 3 }).duplicates).toBe(2);
    expect(checkWriterSequences(records, { writerId: 'w', count: 3, dedup: true }).exact).toBe(true);
  });
});
