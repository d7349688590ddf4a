import { describe, expect, it } from 'vitest';
import { isEoskitError } from '@eoskit/core';
import type { PendingEntry } from './pending-entry.js';
import { SequenceTracker } from './sequence-tracker.js';

const fresh = (partitions = 2, base = -1) =>
  new SequenceTracker({
    base,
    recovered: [],
    partitions: Array.from({ length: partitions }, (_, partition) => ({ topic: 't', partition, lastSeq: -1, lastOffset: -1, next: 0 })),
  });

function entry(seq: number, bytes = 10): PendingEntry {
  return {
    seq,
    topic: 't',
    record: { topic: 't', key: null, value: null },
    bytes,
    acceptedAt: 0,
    status: 'queued',
    resolve: () => undefined,
    reject: () => undefined,
  };
}

function accept(t: SequenceTracker, ...seqs: number[]): PendingEntry[] {
  return seqs.map((s) => {
    const e = entry(t.nextSequence(s));
    t.accept(e);
    return e;
  });
}

describe('writer > sequence tracker', () => {
  it('assigns dense sequences after the recovered base and refuses non-increasing ones', () => {
    const t = fresh(1, 41);
    expect(t.nextSequence(undefined)).toBe(42);
    accept(t, 50);
    expect(t.nextSequence(undefined)).toBe(51);
    const err = (() => {
      try {
        t.nextSequence(50);
      } catch (e) {
        return e;
      }
    })();
    expect(isEoskitError(err, 'SEQUENCE_ORDER')).toBe(true);
    expect(() => t.nextSequence(30)).toThrow(/already durable, resume the source at 42/);
    expect(() => t.nextSequence(-1)).toThrow(/integer from 0/);
  });

  it('moves overall only over a contiguous durable prefix', () => {
    const t = fresh();
    const [a, b, c] = accept(t, 0, 1, 2) as [PendingEntry, PendingEntry, PendingEntry];
    expect(t.takeBatch(10, 1e9)).toHaveLength(3);
    t.markDone(b, { topic: 't', partition: 1, offset: 0 });
    expect(t.overall()).toBe(-1);
    t.markDone(a, { topic: 't', partition: 0, offset: 0 });
    t.prune();
    expect(t.overall()).toBe(1);
    t.markDone(c, { topic: 't', partition: 0, offset: 1 });
    t.prune();
    expect(t.overall()).toBe(2);
    expect(t.pendingRecords).toBe(0);
    expect(t.lastSequence().partitions).toEqual([
      { topic: 't', partition: 0, sequence: 2, offset: 1 },
      { topic: 't', partition: 1, sequence: 1, offset: 0 },
    ]);
  });

  it('skips gaps of sparse sequences: overall sits just below the first pending one', () => {
    const t = fresh();
    const [a, b] = accept(t, 10, 20) as [PendingEntry, PendingEntry];
    t.takeBatch(10, 1e9);
    t.markDone(a, { topic: 't', partition: 0, offset: 0 });
    t.prune();
    expect(t.overall()).toBe(19);
    t.markDone(b, { topic: 't', partition: 0, offset: 1 });
    t.prune();
    expect(t.overall()).toBe(20);
  });

  it('reports an ordering violation when a lower sequence lands after a higher one in a partition', () => {
    const t = fresh();
    const [a, b] = accept(t, 1, 2) as [PendingEntry, PendingEntry];
    t.takeBatch(10, 1e9);
    expect(t.markDone(b, { topic: 't', partition: 0, offset: 5 })).toBeUndefined();
    const violation = t.markDone(a, { topic: 't', partition: 0, offset: 6 });
    expect(violation?.code).toBe('SEQUENCE_ORDER');
    expect(violation?.message).toMatch(/sequence 1 at offset 6 and sequence 2 at offset 5 of t\[0\] are out of order/);
    // A higher sequence at a lower offset is the same inversion.
    const u = fresh();
    const [c, d] = accept(u, 1, 2) as [PendingEntry, PendingEntry];
    u.takeBatch(10, 1e9);
    expect(u.markDone(c, { topic: 't', partition: 0, offset: 9 })).toBeUndefined();
    expect(u.markDone(d, { topic: 't', partition: 0, offset: 8 })?.code).toBe('SEQUENCE_ORDER');
  });

  it('batches in order within record and byte limits, the first record always fits', () => {
    const t = fresh();
    accept(t, 0, 1, 2, 3, 4);
    expect(t.takeBatch(2, 1e9).map((e) => e.seq)).toEqual([0, 1]);
    expect(t.takeBatch(10, 15).map((e) => e.seq)).toEqual([2]);
    expect(t.takeBatch(10, 5).map((e) => e.seq)).toEqual([3]);
    expect(t.hasQueued).toBe(true);
    expect(t.takeBatch(10, 1e9).map((e) => e.seq)).toEqual([4]);
    expect(t.hasQueued).toBe(false);
  });

  it('after a failure settles in-doubt records found in the log and re-sends the rest first', () => {
    const t = fresh();
    const entries = accept(t, 0, 1, 2, 3);
    t.takeBatch(3, 1e9);
    expect(t.markInDoubt()).toBe(3);
    // 1 made it to p1; 0 and 2 (p0) did not; 7 is from an earlier run and not re-offered yet.
    const { durable, resend, error } = t.absorb([
      { sequence: 1, topic: 't', partition: 1, offset: 4 },
      { sequence: 7, topic: 't', partition: 1, offset: 5 },
    ]);
    expect(error).toBeUndefined();
    expect(durable.map((e) => e.seq)).toEqual([1]);
    expect(resend).toBe(2);
    expect(entries[1]?.status).toBe('done');
    expect(t.takeBatch(10, 1e9).map((e) => e.seq)).toEqual([0, 2, 3]);
    expect(t.alreadyDurable(7, 't')).toEqual({ sequence: 7, topic: 't', partition: 1, offset: 5 });
  });

  it('recognises records an earlier run made durable, and refuses them for another topic', () => {
    const t = new SequenceTracker({
      base: 4,
      recovered: [{ sequence: 6, topic: 't', partition: 1, offset: 9 }],
      partitions: [{ topic: 't', partition: 1, lastSeq: 6, lastOffset: 9, next: 10 }],
    });
    expect(t.alreadyDurable(5, 't')).toBeUndefined();
    expect(t.alreadyDurable(6, 't')).toMatchObject({ offset: 9 });
    expect(() => t.alreadyDurable(6, 'u')).toThrow(/already written to topic t/);
  });

  it('checkpoints scan starts that cover every durable record above overall', () => {
    const t = new SequenceTracker({
      base: 4,
      recovered: [{ sequence: 6, topic: 't', partition: 1, offset: 9 }],
      partitions: [
        { topic: 't', partition: 0, lastSeq: 4, lastOffset: 3, next: 4 },
        { topic: 't', partition: 1, lastSeq: 6, lastOffset: 9, next: 10 },
      ],
    });
    const [five] = accept(t, 5);
    t.takeBatch(10, 1e9);
    let snap = t.snapshot();
    expect(snap.overall).toBe(4);
    expect(snap.partitions.map((p) => p.scanFrom)).toEqual([4, 9]);
    t.markDone(five as PendingEntry, { topic: 't', partition: 0, offset: 4 });
    t.prune();
    t.acceptDurable(6);
    t.prune();
    snap = t.snapshot();
    expect(snap.overall).toBe(6);
    expect(snap.partitions).toEqual([
      { topic: 't', partition: 0, sequence: 5, offset: 4, scanFrom: 5 },
      { topic: 't', partition: 1, sequence: 6, offset: 9, scanFrom: 10 },
    ]);
  });

  it('counts an open transaction as committed only in the checkpoint written inside it', () => {
    const t = fresh(1);
    const [a, b] = accept(t, 0, 1) as [PendingEntry, PendingEntry];
    t.takeBatch(10, 1e9);
    t.markAcked(a, { topic: 't', partition: 0, offset: 0 });
    t.markAcked(b, { topic: 't', partition: 0, offset: 1 });
    expect(t.overall()).toBe(-1);
    const inside = t.snapshot(true);
    expect(inside.overall).toBe(1);
    expect(inside.partitions).toEqual([{ topic: 't', partition: 0, sequence: 1, offset: 1, scanFrom: 2 }]);
    expect(t.snapshot().overall).toBe(-1);
  });

  it('tracks buffered records and bytes until durable, and drains on failure', () => {
    const t = fresh();
    const [a] = accept(t, 0, 1);
    expect([t.pendingRecords, t.pendingBytes]).toEqual([2, 20]);
    t.takeBatch(1, 1e9);
    t.markDone(a as PendingEntry, { topic: 't', partition: 0, offset: 0 });
    expect([t.pendingRecords, t.pendingBytes]).toEqual([1, 10]);
    expect(t.drain().map((e) => e.seq)).toEqual([1]);
    expect(t.pendingRecords).toBe(0);
  });
});
