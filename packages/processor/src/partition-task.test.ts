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
    expect(task.isStale(100)).toBe(false); // nothing rewound yet
    for (let offset = 100; offset < 150; offset++) task.consumed(offset);
    task.rollback(); // an aborted checkpoint: back to 100, the consumer was at 150 or later
    expect(task.position).toBe(100);
    expect(task.isStale(150)).toBe(true); // fetched before the seek: taking it would skip 100..149
    expect(task.isStale(163)).toBe(true);
    expect(task.isStale(100)).toBe(false); // the seek took effect
    expect(task.isStale(150)).toBe(false); // and later batches are the ordinary next ones
  });

  it('a reload to an older committed offset guards the same way; a rewind with nothing consumed does not', () => {
    const task = new PartitionTask(tp, null);
    task.activate({ offset: 0, state: new Map(), dedup: null });
    task.rollback();
    expect(task.isStale(0)).toBe(false);
    for (let offset = 0; offset < 20; offset++) task.consumed(offset);
    task.activate({ offset: 5, state: new Map(), dedup: null }); // reloaded from Kafka after a failed commit
    expect(task.isStale(20)).toBe(true);
    // An aborted transaction's records and its marker may sit at 5..9: the first record read can be past 5.
    expect(task.isStale(10)).toBe(false);
  });

  it('a reload that moves the position past where it was rewound from ends the guard (a commit thought lost had landed)', () => {
    const task = new PartitionTask(tp, null);
    task.activate({ offset: 0, state: new Map(), dedup: null });
    for (let offset = 0; offset < 20; offset++) task.consumed(offset);
    task.rollback();
    task.activate({ offset: 20, state: new Map(), dedup: null });
    expect(task.isStale(20)).toBe(false);
  });
});
