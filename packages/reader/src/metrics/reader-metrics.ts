import type { TopicPartition } from '@eoskit/core';
import { topicPartitionKey } from '../topic-partition-key.js';

/** Lag of one assigned partition. */
export interface PartitionLag extends TopicPartition {
  /** Next offset this reader will process. */
  position: number;
  /** High watermark (read_committed: last stable offset) at the latest fetch. */
  highWatermark: number;
  /** `highWatermark - position`, never negative. Transaction markers count, so an idle partition may show 1. */
  lag: number;
}

/** Counters since the reader started, and current lag. */
export interface ReaderMetrics {
  /** Records handed to the handler and committed. */
  delivered: number;
  /** Records dropped as repeats. */
  duplicatesDropped: number;
  /** Records with malformed eoskit headers (delivered without dedup). */
  invalidHeaders: number;
  /** Records sent to the dead-letter topic. */
  deadLettered: number;
  /** Handler retries. */
  retries: number;
  /** Commits refused by the sink because another reader moved the offset. */
  sinkConflicts: number;
  /** Partition states rebuilt (assignments, conflicts, failed commits). */
  restores: number;
  /** Assignments received (each rebalance that gave this reader partitions). */
  assignments: number;
  /** Per assigned partition. */
  partitions: PartitionLag[];
}

type Counter = Exclude<keyof ReaderMetrics, 'partitions'>;

/** Mutable metrics of one reader; {@link snapshot} returns a copy. */
export class ReaderMetricsRecorder {
  private readonly counters: Record<Counter, number> = {
    delivered: 0,
    duplicatesDropped: 0,
    invalidHeaders: 0,
    deadLettered: 0,
    retries: 0,
    sinkConflicts: 0,
    restores: 0,
    assignments: 0,
  };
  private readonly lag = new Map<string, PartitionLag>();

  add(counter: Counter, n = 1): void {
    this.counters[counter] += n;
  }

  /** Records where a partition stands after a batch. */
  position(tp: TopicPartition, position: number, highWatermark: number): void {
    const hw = Math.max(highWatermark, this.lag.get(topicPartitionKey(tp))?.highWatermark ?? 0);
    this.lag.set(topicPartitionKey(tp), { topic: tp.topic, partition: tp.partition, position, highWatermark: hw, lag: Math.max(0, hw - position) });
  }

  /** Forgets a partition no longer assigned. */
  forget(tp: TopicPartition): void {
    this.lag.delete(topicPartitionKey(tp));
  }

  snapshot(): ReaderMetrics {
    const partitions = [...this.lag.values()]
      .map((p) => ({ ...p }))
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition);
    return { ...this.counters, partitions };
  }
}
