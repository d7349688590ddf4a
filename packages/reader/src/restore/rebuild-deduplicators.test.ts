import { encodeWriterHeaders } from '@eoskit/core';
import type { ConsumedRecord, PartitionRange } from '@eoskit/core';
import { describe, expect, it } from 'vitest';
import { dedupStrategy } from '../dedup/dedup-strategy.js';
import { topicPartitionKey } from '../topic-partition-key.js';
import { rebuildDeduplicators } from './rebuild-deduplicators.js';

// A partition log with holes (aborted records and markers are invisible under read_committed).
function log(entries: Array<[offset: number, writer: string, seq: number, key: string]>): ConsumedRecord[] {
  return entries.map(([offset, writerId, sequence, key]) => ({
    topic: 't',
    partition: 0,
    offset,
    key: Buffer.from(key),
    value: null,
    headers: encodeWriterHeaders({ writerId, sequence }),
    timestamp: offset,
  }));
}

function fakeReadRanges(records: ConsumedRecord[], calls: PartitionRange[][] = []) {
  return (ranges: PartitionRange[]) => {
    calls.push(ranges);
    return (async function* () {
      for (const r of ranges) {
        yield* records.filter((x) => x.topic === r.topic && x.partition === r.partition && x.offset >= r.from && x.offset < r.to);
      }
    })();
  };
}

const records = log([
  [0, 'a', 0, 'k0'],
  [1, 'a', 1, 'k1'],
  [3, 'b', 0, 'k2'], // offset 2: an aborted record
  [4, 'a', 1, 'k1'], // a repeat
  [6, 'a', 2, 'k3'], // offset 5: a transaction marker
  [7, 'b', 1, 'k4'],
]);
const upcoming = log([
  [8, 'a', 2, 'k3'],
  [9, 'b', 1, 'k4'],
  [10, 'a', 3, 'k5'],
  [11, 'b', 0, 'k2'],
]);

const decisions = (d: { check(r: ConsumedRecord): string }) => upcoming.map((r) => d.check(r));

describe('reader > restore > rebuild', () => {
  it('sequence: replays from the log start without a snapshot and matches a reader that never stopped', async () => {
    const strategy = dedupStrategy({ mode: 'sequence' });
    const live = strategy.create();
    records.forEach((r) => live.check(r));
    const rebuilt = await rebuildDeduplicators(fakeReadRanges(records), strategy, [{ topic: 't', partition: 0, start: 8, low: 0, snapshot: null }]);
    const d = rebuilt.get(topicPartitionKey({ topic: 't', partition: 0 }))!;
    expect(d.snapshot()).toBe(live.snapshot());
    expect(decisions(d)).toEqual(['duplicate', 'duplicate', 'new', 'duplicate']);
  });

  it('sequence: starts from a snapshot and replays only the records after it', async () => {
    const strategy = dedupStrategy({ mode: 'sequence' });
    const atFour = strategy.create();
    records.filter((r) => r.offset < 4).forEach((r) => atFour.check(r));
    const calls: PartitionRange[][] = [];
    const rebuilt = await rebuildDeduplicators(fakeReadRanges(records, calls), strategy, [
      { topic: 't', partition: 0, start: 8, low: 0, snapshot: { offset: 4, state: atFour.snapshot()! } },
    ]);
    expect(calls).toEqual([[{ topic: 't', partition: 0, from: 4, to: 8 }]]);
    const live = strategy.create();
    records.forEach((r) => live.check(r));
    expect(rebuilt.get(topicPartitionKey({ topic: 't', partition: 0 }))!.snapshot()).toBe(live.snapshot());
  });

  it('sequence: ignores a snapshot newer than the start offset (it would drop records never committed)', async () => {
    const strategy = dedupStrategy({ mode: 'sequence' });
    const ahead = strategy.create();
    [...records, ...upcoming].forEach((r) => ahead.check(r));
    const rebuilt = await rebuildDeduplicators(fakeReadRanges(records), strategy, [
      { topic: 't', partition: 0, start: 8, low: 0, snapshot: { offset: 12, state: ahead.snapshot()! } },
    ]);
    expect(decisions(rebuilt.get(topicPartitionKey({ topic: 't', partition: 0 }))!)).toEqual([
      'duplicate',
      'duplicate',
      'new',
      'duplicate',
    ]);
  });

  it('key: replays exactly the last windowCount visible records before the start, across holes', async () => {
    const strategy = dedupStrategy({ mode: 'key', key: { windowCount: 3 } });
    const calls: PartitionRange[][] = [];
    const rebuilt = await rebuildDeduplicators(fakeReadRanges(records, calls), strategy, [{ topic: 't', partition: 0, start: 8, low: 0, snapshot: null }]);
    const live = strategy.create();
    records.forEach((r) => live.check(r));
    const d = rebuilt.get(topicPartitionKey({ topic: 't', partition: 0 }))!;
    // window = k1 (offset 4), k3, k4: k2 and k0 fell out
    expect(upcoming.map((r) => d.check(r))).toEqual(upcoming.map((r) => live.check(r)));
    expect(calls.flat().every((r) => r.to <= 8)).toBe(true);
  });

  it('off: needs no reads', async () => {
    const calls: PartitionRange[][] = [];
    await rebuildDeduplicators(fakeReadRanges(records, calls), dedupStrategy({ mode: 'off' }), [{ topic: 't', partition: 0, start: 8, low: 0, snapshot: null }]);
    expect(calls).toEqual([]);
  });
});
