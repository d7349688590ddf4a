import type { ConsumedRecord, KafkaClient, PartitionRange, TopicPartition } from '@eoskit/core';
import type { DedupStrategy, Deduplicator } from '../dedup/deduplicator.js';
import { topicPartitionKey } from '../topic-partition-key.js';

/** What is known about a partition whose dedup state must be rebuilt. */
export interface RebuildTarget extends TopicPartition {
  /** The offset processing resumes at; the state must reflect every record before it. */
  start: number;
  /** Log start offset (nothing older can be read). */
  low: number;
  /** A saved state and the offset it reflects, if any. */
  snapshot: { offset: number; state: string } | null;
}

/** Only the records a reader's read_committed consumer would see matter; the client filters aborted ones. */
type ReadRanges = KafkaClient['readRanges'];

/**
 * Rebuilds the dedup state of each target at its start offset, reading the
 * partitions back (read_committed) as the mode requires:
 * - `snapshot` mode: the snapshot if it is not newer than `start`, then the
 *   records from it up to `start` (from the log start when there is none);
 * - `tail` mode: the last N visible records before `start`;
 * Because a state is a pure function of the records before `start`, the
 * result equals the state a reader that never stopped would have.
 */
export async function rebuildDeduplicators(
  readRanges: ReadRanges,
  strategy: DedupStrategy,
  targets: RebuildTarget[],
): Promise<Map<string, Deduplicator>> {
  const out = new Map<string, Deduplicator>();
  const rebuild = strategy.rebuild;
  if (rebuild.kind === 'none') {
    for (const t of targets) out.set(topicPartitionKey(t), strategy.create());
    return out;
  }
  if (rebuild.kind === 'tail') {
    const tails = await readTails(readRanges, targets, rebuild.records);
    for (const t of targets) {
      const d = strategy.create();
      for (const r of tails.get(topicPartitionKey(t)) ?? []) d.check(r);
      out.set(topicPartitionKey(t), d);
    }
    return out;
  }
  const ranges: PartitionRange[] = [];
  for (const t of targets) {
    const usable = t.snapshot !== null && t.snapshot.offset <= t.start ? strategy.fromSnapshot(t.snapshot.state) : null;
    out.set(topicPartitionKey(t), usable ?? strategy.create());
    const from = Math.max(t.low, usable !== null && t.snapshot !== null ? t.snapshot.offset : t.low);
    if (from < t.start) ranges.push({ topic: t.topic, partition: t.partition, from, to: t.start });
  }
  await replay(readRanges, ranges, (r) => out.get(topicPartitionKey(r))!.check(r));
  return out;
}

/** Feeds every record of `ranges` (each partition in offset order) to `feed`. */
export async function replay(readRanges: ReadRanges, ranges: PartitionRange[], feed: (record: ConsumedRecord) => void): Promise<void> {
  if (ranges.length === 0) return;
  const bounds = new Map(ranges.map((r) => [topicPartitionKey(r), { ...r, last: r.from - 1 }]));
  for await (const record of readRanges(ranges, { isolationLevel: 'read_committed' })) {
    const b = bounds.get(topicPartitionKey(record));
    if (b === undefined || record.offset < b.from || record.offset >= b.to) continue;
    // A state is only exact if records arrive in order; a client breaking that is a bug worth surfacing.
    if (record.offset <= b.last) {
      throw new Error(`readRanges returned ${record.topic}[${record.partition}] offset ${record.offset} after ${b.last}`);
    }
    b.last = record.offset;
    feed(record);
  }
}

// Reads backwards in growing chunks until each target has `count` visible records before its start (or hits the log start).
async function readTails(readRanges: ReadRanges, targets: RebuildTarget[], count: number): Promise<Map<string, ConsumedRecord[]>> {
  const tails = new Map<string, ConsumedRecord[]>();
  const cursor = new Map<string, { target: RebuildTarget; to: number }>();
  for (const t of targets) {
    tails.set(topicPartitionKey(t), []);
    if (t.start > t.low) cursor.set(topicPartitionKey(t), { target: t, to: t.start });
  }
  while (cursor.size > 0) {
    const ranges: PartitionRange[] = [];
    for (const [key, c] of cursor) {
      const missing = count - tails.get(key)!.length;
      // Aborted records and transaction markers leave holes; ask for a margin so one round usually suffices.
      const from = Math.max(c.target.low, c.to - missing - Math.ceil(missing / 10) - 16);
      ranges.push({ topic: c.target.topic, partition: c.target.partition, from, to: c.to });
    }
    const chunk = new Map<string, ConsumedRecord[]>(ranges.map((r) => [topicPartitionKey(r), []]));
    await replay(readRanges, ranges, (r) => chunk.get(topicPartitionKey(r))!.push(r));
    for (const range of ranges) {
      const key = topicPartitionKey(range);
      const merged = [...chunk.get(key)!, ...tails.get(key)!];
      tails.set(key, merged.slice(-count));
      const c = cursor.get(key)!;
      if (merged.length >= count || range.from <= c.target.low) cursor.delete(key);
      else c.to = range.from;
    }
  }
  return tails;
}
