import { encodeWriterHeaders } from '@eoskit/core';
import type { ConsumedRecord } from '@eoskit/core';
import { describe, expect, it } from 'vitest';
import { SequenceDedup } from './sequence-dedup.js';

let nextOffset = 0;
function stamped(writerId: string, sequence: number): ConsumedRecord {
  return {
    topic: 't',
    partition: 0,
    offset: nextOffset++,
    key: null,
    value: Buffer.from(`${writerId}:${sequence}`),
    headers: encodeWriterHeaders({ writerId, sequence }),
    timestamp: 0,
  };
}

describe('reader > dedup > sequence', () => {
  it('drops a record at or below its writer watermark and keeps writers apart', () => {
    const d = new SequenceDedup();
    expect(d.check(stamped('a', 0))).toBe('new');
    expect(d.check(stamped('a', 1))).toBe('new');
    expect(d.check(stamped('b', 0))).toBe('new');
    expect(d.check(stamped('a', 1))).toBe('duplicate');
    expect(d.check(stamped('a', 0))).toBe('duplicate');
    expect(d.check(stamped('a', 5))).toBe('new'); // sparse sequences are fine
    expect(d.check(stamped('a', 3))).toBe('duplicate');
    expect(d.watermark('a')).toBe(5);
    expect(d.watermark('b')).toBe(0);
  });

  it('passes records without eoskit headers and flags malformed ones', () => {
    const d = new SequenceDedup();
    const plain = { ...stamped('a', 0), headers: {} };
    expect(d.check(plain)).toBe('unstamped');
    expect(d.check(plain)).toBe('unstamped');
    const broken = { ...stamped('a', 0), headers: { 'eoskit.writer': Buffer.from('a') } };
    expect(d.check(broken)).toBe('invalid');
    const badSeq = { ...stamped('a', 0), headers: { 'eoskit.writer': Buffer.from('a'), 'eoskit.seq': Buffer.from('007') } };
    expect(d.check(badSeq)).toBe('invalid');
    const future = { ...stamped('a', 0), headers: { ...stamped('a', 1).headers, 'eoskit.v': Buffer.from('2') } };
    expect(d.check(future)).toBe('invalid');
    const badWriter = { ...stamped('a', 0), headers: { 'eoskit.writer': Buffer.from([0xff]), 'eoskit.seq': Buffer.from('1') } };
    expect(d.check(badWriter)).toBe('invalid');
    expect(d.size).toBe(0);
  });

  it('forgets the least recently seen writer beyond maxWriters, so its repeats pass again', () => {
    const d = new SequenceDedup({ maxWriters: 2 });
    d.check(stamped('a', 1));
    d.check(stamped('b', 1));
    d.check(stamped('a', 2)); // a is now more recent than b
    d.check(stamped('c', 1)); // evicts b
    expect(d.size).toBe(2);
    expect(d.evicted).toBe(1);
    expect(d.check(stamped('a', 2))).toBe('duplicate');
    expect(d.check(stamped('b', 1))).toBe('new'); // the documented consequence of eviction
  });

  it('round-trips through a snapshot, recency order included', () => {
    const d = new SequenceDedup({ maxWriters: 2 });
    d.check(stamped('a', 7));
    d.check(stamped('b', 3));
    d.check(stamped('a', 8));
    const restored = SequenceDedup.fromSnapshot(d.snapshot(), { maxWriters: 2 });
    expect(restored).not.toBeNull();
    expect(restored!.snapshot()).toBe(d.snapshot());
    const c = stamped('c', 0);
    restored!.check(c); // evicts b, the least recent, in both
    d.check(c);
    expect(restored!.snapshot()).toBe(d.snapshot());
    expect(restored!.check(stamped('a', 8))).toBe('duplicate');
  });

  it('rejects text that is not a snapshot', () => {
    expect(SequenceDedup.fromSnapshot('nope')).toBeNull();
    expect(SequenceDedup.fromSnapshot('{"v":2,"writers":[]}')).toBeNull();
    expect(SequenceDedup.fromSnapshot('{"v":1,"writers":[["a","1",0]]}')).toBeNull();
  });

  it('refuses a non-positive writer cap', () => {
    expect(() => new SequenceDedup({ maxWriters: 0 })).toThrow(/maxWriters/);
  });
});
