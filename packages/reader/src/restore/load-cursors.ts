import type { EosAdmin, KafkaClient, TopicPartition } from '@eoskit/core';
import type { DedupStrategy, Deduplicator } from '../dedup/deduplicator.js';
import type { Sink } from '../sinks/sink.js';
import { topicPartitionKey } from '../topic-partition-key.js';
import { rebuildDeduplicators } from './rebuild-deduplicators.js';
import type { RebuildTarget } from './rebuild-deduplicators.js';
import type { SnapshotTopicStore } from './snapshot-topic-store.js';

/** Where a reader stands in one partition. */
export interface PartitionCursor {
  readonly topic: string;
  readonly partition: number;
  /** Next offset to process; records below it are skipped. */
  position: number;
  /** With a sink: the offset stored there (`null`: no row yet), the expected value of the next commit. */
  stored: number | null;
  /** Dedup state reflecting every record before `position`. */
  dedup: Deduplicator;
  /** Without a sink: when and at which offset the last snapshot was saved. */
  snapshotAt: number;
  snapshotOffset: number;
  /**
   * Where the consumer starts this partition after an assignment on its own
   * (the group's committed offset in Kafka, else the reset policy's end): a
   * seek is needed only when `position` differs.
   */
  clientStart: number;
}

/** What {@link loadCursors} reads from. */
export interface CursorSources {
  groupId: string;
  admin: EosAdmin;
  readRanges: KafkaClient['readRanges'];
  strategy: DedupStrategy;
  /** Where to start without any stored offset: the log start (true) or its end. */
  fromBeginning: boolean;
  /** With a sink, its stored offsets and states are the truth. */
  sink?: Pick<Sink<unknown>, 'positions'>;
  /** Without a sink, `sequence` snapshots come from here. */
  snapshots?: SnapshotTopicStore;
}

/**
 * Decides where each partition resumes and rebuilds its dedup state there.
 * The start is the sink's stored offset, else the group's committed offset in
 * Kafka, else the log start or end; it never goes below the log start (data
 * deleted by retention is gone).
 */
export async function loadCursors(src: CursorSources, partitions: TopicPartition[]): Promise<Map<string, PartitionCursor>> {
  const topics = [...new Set(partitions.map((p) => p.topic))];
  const bounds = new Map<string, { low: number; high: number }>();
  const committed = new Map<string, number>();
  for (const topic of topics) {
    for (const b of await src.admin.partitionOffsets(topic)) bounds.set(topicPartitionKey(b), b);
    for (const c of await src.admin.committedOffsets(src.groupId, topic)) {
      if (c.offset >= 0) committed.set(topicPartitionKey(c), c.offset);
    }
  }
  const stored = src.sink === undefined ? undefined : await src.sink.positions(src.groupId, partitions);
  const snapshots = src.snapshots === undefined ? new Map() : await src.snapshots.load(src.groupId, partitions);

  const targets: Array<RebuildTarget & { stored: number | null; clientStart: number }> = partitions.map((tp) => {
    const key = topicPartitionKey(tp);
    const { low, high } = bounds.get(key) ?? { low: 0, high: 0 };
    const row = stored?.get(key);
    const reset = src.fromBeginning ? low : high;
    const inKafka = committed.get(key);
    const clientStart = inKafka !== undefined && inKafka >= low ? inKafka : reset;
    const resume = row?.offset ?? inKafka ?? reset;
    const snapshot = row !== undefined ? (row.state === null ? null : { offset: row.offset, state: row.state }) : (snapshots.get(key) ?? null);
    return { ...tp, start: Math.max(resume, low), low, snapshot, stored: row?.offset ?? null, clientStart };
  });
  const dedups: Map<string, Deduplicator> = await rebuildDeduplicators(src.readRanges, src.strategy, targets);
  const now = Date.now();
  return new Map(
    targets.map((t) => {
      const key = topicPartitionKey(t);
      const cursor: PartitionCursor = {
        topic: t.topic,
        partition: t.partition,
        position: t.start,
        stored: t.stored,
        dedup: dedups.get(key)!,
        snapshotAt: now,
        snapshotOffset: t.snapshot?.offset ?? -1,
        clientStart: t.clientStart,
      };
      return [key, cursor];
    }),
  );
}
