import { describe, expect, it } from 'vitest';
import { createPartitioner } from './partitioner.js';

// Produced by Apache Kafka 4.4.0's own code on this machine:
// Utils.toPositive(Utils.murmur2(key.getBytes(UTF_8))) % n, for n = 3, 6, 12.
const JAVA_VECTORS: Array<[key: string | Buffer, p3: number, p6: number, p12: number]> = [
  ['', 0, 3, 9],
  ['a', 1, 4, 4],
  ['21', 0, 0, 0],
  ['foobar', 0, 0, 6],
  ['order-42', 0, 0, 0],
  ['a-little-bit-long-string', 2, 2, 8],
  ['a-little-bit-longer-string', 2, 5, 11],
  ['lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8', 2, 5, 5],
  ['\u00e9\u00e8\u4e2d\u6587', 1, 1, 7],
  ['key-0', 1, 1, 1],
  ['key-1', 0, 0, 0],
  ['key-2', 2, 2, 2],
  ['key-3', 2, 5, 11],
  [Buffer.from([0xff, 0x00, 0x80, 0x7f, 0x01]), 2, 2, 8],
];

describe('core > client > partitioner', () => {
  it.each(JAVA_VECTORS)('puts key %j where the Java client does', (key, p3, p6, p12) => {
    const choose = createPartitioner();
    const bytes = Buffer.isBuffer(key) ? key : Buffer.from(key, 'utf8');
    expect([choose('t', bytes, 3), choose('t', bytes, 6), choose('t', bytes, 12)]).toEqual([p3, p6, p12]);
  });

  it('spreads null keys round-robin over every partition', () => {
    const choose = createPartitioner();
    const seen = Array.from({ length: 8 }, () => choose('t', null, 4));
    expect(new Set(seen)).toEqual(new Set([0, 1, 2, 3]));
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBe(((seen[i - 1] ?? 0) + 1) % 4);
  });

  it('refuses a partition count that is not a positive integer', () => {
    expect(() => createPartitioner()('t', Buffer.from('k'), 0)).toThrow(/positive integer/);
  });
});
