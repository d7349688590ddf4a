import { describe, expect, it } from 'vitest';
import type { WriterCheckpoint } from './checkpoint-codec.js';
import { resumePoint, type PartitionEnd } from './resume-point.js';

const ends = (n: number, high = 100): PartitionEnd[] =>
  Array.from({ length: n }, (_, partition) => ({ topic: 't', partition, high }));
const rec = (sequence: number, partition: number, offset = sequence) => ({ sequence, topic: 't', partition, offset });

function checkpoint(overall: number, partitions: Array<[number, number, number, number]>): WriterCheckpoint {
  return {
    writerId: 'w',
    mode: 'idempotent',
    overall,
    at: 0,
    partitions: partitions.map(([partition, sequence, offset, scanFrom]) => ({ topic: 't', partition, sequence, offset, scanFrom })),
  };
}

describe('writer > resume point', () => {
  it('starts from scratch with nothing written', () => {
    const state = resumePoint(null, [], ends(3));
    expect(state.base).toBe(-1);
    expect(state.recovered).toEqual([]);
    expect(state.partitions.map((p) => p.next)).toEqual([100, 100, 100]);
  });

  it('does not resume past a record lost in another partition (the max-sequence trap)', () => {
    // 10 went to p0 and was lost; 11 reached p1. Resuming at 12 would lose 10.
    const found = [...Array.from({ length: 10 }, (_, s) => rec(s, s % 2)), rec(11, 1)];
    const state = resumePoint(null, found, ends(2));
    expect(state.base).toBe(9);
    expect(state.recovered).toEqual([rec(11, 1)]);
  });

  it('reaches the end of a dense run', () => {
    const found = Array.from({ length: 50 }, (_, s) => rec(s, s % 3));
    expect(resumePoint(null, found, ends(3)).base).toBe(49);
  });

  it('uses the lowest per-partition maximum for sparse sequences', () => {
    // Sparse caller sequences: 100, 250, 300, 420 over two partitions; nothing lost.
    const found = [rec(100, 0), rec(250, 1), rec(300, 0), rec(420, 1)];
    const state = resumePoint(null, found, ends(2));
    // Everything <= 300 is durable: a lost record <= 300 in p1 would contradict 420 being there.
    expect(state.base).toBe(300);
    expect(state.recovered).toEqual([rec(420, 1)]);
  });

  it('cannot use the per-partition rule while a partition has nothing', () => {
    const found = [rec(100, 0), rec(300, 0)];
    expect(resumePoint(null, found, ends(2)).base).toBe(-1);
  });

  it('keeps the checkpoint when nothing newer is found and carries its partition state', () => {
    const ckpt = checkpoint(40, [
      [0, 40, 20, 21],
      [1, 39, 19, 20],
    ]);
    const state = resumePoint(ckpt, [], ends(2));
    expect(state.base).toBe(40);
    expect(state.partitions).toEqual([
      { topic: 't', partition: 0, lastSeq: 40, lastOffset: 20, next: 100 },
      { topic: 't', partition: 1, lastSeq: 39, lastOffset: 19, next: 100 },
    ]);
  });

  it('extends the checkpoint with records found after it, first copy wins', () => {
    const ckpt = checkpoint(40, [
      [0, 40, 20, 21],
      [1, 39, 19, 20],
    ]);
    const found = [rec(41, 1, 20), rec(42, 0, 21), rec(44, 0, 22), rec(42, 0, 23)];
    const state = resumePoint(ckpt, found, ends(2));
    expect(state.base).toBe(42);
    expect(state.recovered).toEqual([rec(44, 0, 22)]);
    expect(state.partitions[0]).toMatchObject({ lastSeq: 44, lastOffset: 22 });
  });

  it('ignores records of partitions outside the writer topics', () => {
    const found = [rec(0, 0), { sequence: 1, topic: 'other', partition: 0, offset: 5 }];
    expect(resumePoint(null, found, ends(1)).base).toBe(0);
  });
});
