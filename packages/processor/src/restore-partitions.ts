import type { KafkaClient, PartitionRange, TopicPartition } from '@eoskit/core';
import { topicPartitionKey } from '@eoskit/reader';
import type { AdminHandle } from './admin-handle.js';
import { decodeChangelog } from './changelog-codec.js';
import type { CommittedPartition } from './partition-task.js';

const ADMIN_TIMEOUT_MS = 15_000;
const COMMITTED_TIMEOUT_MS = 45_000;

/** Where restores read from. */
export interface RestoreSources {
  client: KafkaClient;
  admin: AdminHandle;
  groupId: string;
  changelog: string;
  /** Where a partition without a committed offset starts: log start (true) or end. */
  fromBeginning: boolean;
  /** Bound on one changelog read (an open transaction of a dead process holds it back until it times out). */
  readTimeoutMs: number;
}

/**
 * Where each partition resumes: the group's committed offset, else its log
 * start or end; never below the log start. Call only after the partitions'
 * producers were fenced (per-partition ids) or with stable offsets (KIP-447),
 * so that no transaction of a previous owner can still commit offsets.
 */
export async function resumeOffsets(src: RestoreSources, tps: TopicPartition[]): Promise<Map<string, number>> {
  const out = new Map<string, number>();
  for (const topic of [...new Set(tps.map((tp) => tp.topic))]) {
    const wanted = tps.filter((tp) => tp.topic === topic);
    // Long enough for the stable-offset wait of a dead member's pending transaction (confluent).
    const offsets = await src.admin.call(`committed offsets of ${topic}`, COMMITTED_TIMEOUT_MS, (a) => a.committedOffsets(src.groupId, topic));
    const committed = new Map(offsets.map((c) => [c.partition, c.offset]));
    const ends = await src.admin.call(`offsets of ${topic}`, ADMIN_TIMEOUT_MS, (a) => a.partitionOffsets(topic));
    const bounds = new Map(ends.map((b) => [b.partition, b]));
    for (const tp of wanted) {
      const b = bounds.get(tp.partition) ?? { low: 0, high: 0 };
      const c = committed.get(tp.partition) ?? -1;
      const start = c >= 0 ? c : src.fromBeginning ? b.low : b.high;
      out.set(topicPartitionKey(tp), Math.max(start, b.low));
    }
  }
  return out;
}

/**
 * Rebuilds the committed state and dedup watermarks of each partition from
 * its changelog partition (same number), read_committed from the log start to
 * the end: the latest value per key wins, tombstones delete. Compaction keeps
 * the changelog near one record per key, which bounds this read.
 */
export async function restoreState(
  src: RestoreSources,
  tps: TopicPartition[],
): Promise<Map<string, Omit<CommittedPartition, 'offset'>>> {
  const out = new Map<string, Omit<CommittedPartition, 'offset'>>(
    tps.map((tp) => [topicPartitionKey(tp), { state: new Map<string, string>(), dedup: null }]),
  );
  if (tps.length === 0) return out;
  const bounds = await src.admin.call(`offsets of ${src.changelog}`, ADMIN_TIMEOUT_MS, (a) => a.partitionOffsets(src.changelog));
  const wanted = new Set(tps.map((tp) => tp.partition));
  const ranges: PartitionRange[] = bounds
    .filter((b) => wanted.has(b.partition) && b.high > b.low)
    .map((b) => ({ topic: src.changelog, partition: b.partition, from: b.low, to: b.high }));
  if (ranges.length === 0) return out;
  for await (const record of src.client.readRanges(ranges, { isolationLevel: 'read_committed', timeoutMs: src.readTimeoutMs })) {
    const entry = decodeChangelog(record.key, record.value);
    // Another input topic's state shares this changelog partition; it is not ours to load.
    const target = entry === null || entry.tp.partition !== record.partition ? undefined : out.get(topicPartitionKey(entry.tp));
    if (entry === null || target === undefined) continue;
    if (entry.kind === 'dedup') target.dedup = entry.snapshot;
    else if (entry.value === null) target.state.delete(entry.key);
    else target.state.set(entry.key, entry.value);
  }
  return out;
}
