import { encodeWriterHeaders, type ConsumedRecord } from '@eoskit/core';
import { dedupStrategy } from '@eoskit/reader';
import { describe, expect, it } from 'vitest';
import { decodeChangelog } from './changelog-codec.js';
import { PartitionTask } from './partition-task.js';

const tp = { topic: 'in', partition: 1 };
const stamped = (offset: number, sequence: number): ConsumedRecord => ({
  ...tp,
  offset,
  key: null,
  value: null,
  headers: encodeWriterHeaders({ writerId: 'w', sequence }),
  timestamp: 0,
});

describe('processor > partition task', () => {
  it('rolls state, position and dedup watermarks back to the last commit', () => {
    const task = new PartitionTask(tp, dedupStrategy({ mode: 'sequence' }));
    task.activate({ offset: 10, state: new Map([['a', '1']]), dedup: null });
    for (const [offset, seq] of [[10, 0], [11, 1]] as const) {
      expect(task.isDuplicate(stamped(offset, seq))).toBe(false);
      task.consumed(offset);
    }
    task.context.state.put('a', 2);
    const changelog = task.changelogRecords('cl').map((r) => decodeChangelog(r.key, r.value));
    expect(changelog).toEqual([
      { kind: 'state', tp, key: 'a', value: '2' },
      { kind: 'dedup', tp, snapshot: expect.stringContaining('"w",1') },
    ]);
    expect(task.markCommitted()).toBe(2);
    expect(task.offsetToCommit()).toEqual({ ...tp, offset: 12 });

    expect(task.isDuplicate(stamped(12, 1))).toBe(true); // a repeat of sequence 1
    task.consumed(12);
    expect(task.isDuplicate(stamped(13, 2))).toBe(false);
    task.consumed(13);
    task.context.state.put('a', 3);
    task.rollback();
    expect(task.position).toBe(12);
    expect(task.context.state.get('a')).toBe(2);
    // Sequence 2 was only seen in the aborted checkpoint: it is new again.
    expect(task.isDuplicate(stamped(13, 2))).toBe(false);
    expect(task.committed()).toEqual({ offset: 12, state: new Map([['a', '2']]), dedup: expect.any(String) });
    task.knownCommitted = false;
    expect(task.committed()).toBeNull();
  });

  it('after a rewind, takes a batch fetched before the seek for stale until one comes from the rewound position', () => {
    const task = new PartitionTask(tp, null);
    task.activate({ offset: 100, state: new Map(), dedup: null });
    expect(stale(task, 100)).toBe(false); // nothing rewound yet
    for (let offset = 100; offset < 150; offset++) task.consumed(offset);
    task.rollback(); // an aborted checkpoint: back to 100, the consumer was at 150 or later
    expect(task.position).toBe(100);
    expect(stale(task, 150)).toBe(true); // fetched before the seek: taking it would skip 100..149
    expect(stale(task, 163)).toBe(true);
    expect(stale(task, 100)).toBe(false); // the seek took effect
    expect(stale(task, 150)).toBe(false); // and later batches are the ordinary next ones
  });

  it('a reload to an older committed offset guards the same way; a rewind with nothing consumed does not', () => {
    const task = new PartitionTask(tp, null);
    task.activate({ offset: 0, state: new Map(), dedup: null });
    task.rollback();
    expect(stale(task, 0)).toBe(false);
    for (let offset = 0; offset < 20; offset++) task.consumed(offset);
    task.activate({ offset: 5, state: new Map(), dedup: null }); // reloaded from Kafka after a failed commit
    expect(stale(task, 20)).toBe(true);
    // An aborted transaction's records and its marker may sit at 5..9: the first record read can be past 5.
    expect(stale(task, 10)).toBe(false);
  });

  it('a reload that moves the position past where it was rewound from ends the guard (a commit thought lost had landed)', () => {
    const task = new PartitionTask(tp, null);
    task.activate({ offset: 0, state: new Map(), dedup: null });
    for (let offset = 0; offset < 20; offset++) task.consumed(offset);
    task.rollback();
    task.activate({ offset: 20, state: new Map(), dedup: null });
    expect(stale(task, 20)).toBe(false);
  });

  it('guards a start too when the consumer read ahead while the partition was not ready (its batches were dropped)', () => {
    const task = new PartitionTask(tp, null);
    task.delivered(499); // preparing: the client went on from its own committed offset, nothing was taken
    task.activate({ offset: 100, state: new Map(), dedup: null });
    expect(stale(task, 500)).toBe(true); // fetched before the seek to 100: taking it would skip 100..499
    expect(stale(task, 100)).toBe(false);
  });

  it('after a rollback, the first new record must be the one the checkpoint began with, even in a batch below where the consumer read to', () => {
    const task = new PartitionTask(tp, null);
    task.activate({ offset: 100, state: new Map(), dedup: null });
    for (let offset = 103; offset < 150; offset++) task.consumed(offset); // 100..102: an aborted transaction and its marker
    task.delivered(149);
    task.rollback();
    // Below 150, so not obviously stale, but it would skip 103..119: a leftover of an earlier fetch.
    expect(task.staleBecause(120, 120)).toBe('first new record 120, expected 103');
    expect(stale(task, 95, 103)).toBe(false); // starts below the position; its first new record is the right one
    expect(stale(task, 130)).toBe(false); // and the next batches follow on as usual
  });

  it('believes the same unexpected first record after a rollback once it came five times in a row (compaction removed one)', () => {
    const task = new PartitionTask(tp, null);
    task.activate({ offset: 10, state: new Map(), dedup: null });
    for (let offset = 10; offset < 20; offset++) task.consumed(offset);
    task.rollback();
    expect([1, 2, 3, 4].map(() => stale(task, 12))).toEqual([true, true, true, true]);
    expect(stale(task, 12)).toBe(false);
  });

  it('a reload that finds the same committed offset expects the same first record; a new one expects nothing', () => {
    const task = new PartitionTask(tp, null);
    task.activate({ offset: 10, state: new Map(), dedup: null });
    for (let offset = 10; offset < 20; offset++) task.consumed(offset);
    task.activate({ offset: 10, state: new Map(), dedup: null }); // the commit did not land
    expect(stale(task, 11)).toBe(true);
    expect(stale(task, 10)).toBe(false);
    for (let offset = 10; offset < 30; offset++) task.consumed(offset);
    task.activate({ offset: 25, state: new Map(), dedup: null }); // someone committed up to 25 meanwhile
    expect(stale(task, 27)).toBe(false);
  });
});

/** Whether a batch starting at `first` (its first record at or past the position: `firstNew`) is stale. */
function stale(task: PartitionTask, first: number, firstNew = first >= task.position ? first : undefined): boolean {
  return task.staleBecause(first, firstNew) !== undefined;
}
