import type { ConsumedBatch, ConsumedRecord, EosConsumer, TopicPartition } from '@eoskit/core';
import { deliver } from './failure/deliver.js';
import type { DeliveryPolicy } from './failure/deliver.js';
import { retryWithBackoff } from './failure/retry-policy.js';
import type { ReaderMetricsRecorder } from './metrics/reader-metrics.js';
import type { PartitionRegistry } from './partition-registry.js';
import type { ReaderHandlers, ReaderLogger } from './reader-types.js';
import type { PartitionCursor } from './restore/load-cursors.js';
import type { SnapshotScheduler } from './restore/snapshot-scheduler.js';
import { SinkConflictError } from './sinks/sink-conflict-error.js';
import type { Sink } from './sinks/sink.js';

/** What a {@link BatchProcessor} works with. */
export interface BatchProcessorDeps<Tx> {
  groupId: string;
  consumer: EosConsumer;
  cursors: PartitionRegistry<PartitionCursor>;
  handlers: ReaderHandlers<Tx>;
  sink?: Sink<Tx>;
  snapshots?: SnapshotScheduler;
  snapshotIntervalMs: number;
  metrics: ReaderMetricsRecorder;
  delivery: DeliveryPolicy;
  logger: ReaderLogger;
  /** False once the reader stops or failed: nothing more is delivered. */
  running(): boolean;
  /** Stops the reader with `error`. */
  fail(error: unknown): void;
}

// Kafka commits failing this many times in a row are not a rebalance any more.
const MAX_COMMIT_FAILURES = 5;

/**
 * Turns one consumer batch into: skip what is already processed, drop
 * repeats, hand the rest to the handler, commit. Any failure after the dedup
 * state moved makes the partition's state doubtful: it is rebuilt from what
 * is durable (and the consumer seeks there) before the partition goes on.
 */
export class BatchProcessor<Tx> {
  private commitFailures = 0;
  private readonly bestEffort = new Map<string, TopicPartition & { offset: number }>();
  private bestEffortRunning = false;

  constructor(private readonly deps: BatchProcessorDeps<Tx>) {}

  async process(batch: ConsumedBatch): Promise<void> {
    const d = this.deps;
    const first = batch.records[0];
    if (first === undefined) return;
    const loadedBefore = d.cursors.peek(batch) !== undefined;
    let cursor: PartitionCursor;
    try {
      cursor = await retryWithBackoff(() => d.cursors.get(batch), { retries: 5, shouldRetry: () => d.running() });
    } catch (err) {
      if (d.running()) d.fail(err);
      return;
    }
    // Seeked while the partition's state was loading (its restore seeks): the consumer reads it again.
    if (!d.running() || batch.isStale()) return;
    if (!loadedBefore && first.offset > cursor.position) {
      // Fetched before the restore's seek (or a hole at the position: then the next batch proves it).
      // Seeking inside the batch keeps the adapter from moving past it.
      d.consumer.seek({ topic: batch.topic, partition: batch.partition, offset: cursor.position });
      return;
    }
    const fresh = first.offset >= cursor.position ? batch.records : batch.records.filter((r) => r.offset >= cursor.position);
    if (fresh.length === 0) {
      d.metrics.position(batch, cursor.position, batch.highWatermark);
      return;
    }
    const delivered: ConsumedRecord[] = [];
    let duplicates = 0;
    let invalid = 0;
    for (const r of fresh) {
      const verdict = cursor.dedup.check(r);
      if (verdict === 'duplicate') duplicates += 1;
      else {
        if (verdict === 'invalid') invalid += 1;
        delivered.push(r);
      }
    }
    const next = fresh[fresh.length - 1]!.offset + 1;
    let deadLettered: ConsumedRecord[];
    try {
      deadLettered = d.sink === undefined ? await this.commitToKafka(cursor, delivered, next) : await this.commitToSink(d.sink, cursor, delivered, next);
    } catch (err) {
      this.recover(batch, first.offset, err);
      return;
    }
    cursor.position = next;
    d.metrics.add('delivered', delivered.length - deadLettered.length);
    d.metrics.add('duplicatesDropped', duplicates);
    d.metrics.add('invalidHeaders', invalid);
    d.metrics.position(batch, next, batch.highWatermark);
    if (invalid > 0) d.logger.warn?.(`${batch.topic}[${batch.partition}]: ${invalid} record(s) with malformed eoskit headers delivered without dedup`);
  }

  private async commitToSink(sink: Sink<Tx>, cursor: PartitionCursor, records: ConsumedRecord[], next: number): Promise<ConsumedRecord[]> {
    const commit = { topic: cursor.topic, partition: cursor.partition, expectedOffset: cursor.stored, offset: next, state: cursor.dedup.snapshot() };
    const dead = await deliver(cursor, records, this.deps.handlers, (work) => sink.transaction(this.deps.groupId, [commit], work), true, this.deps.delivery);
    cursor.stored = next;
    this.commitBestEffort({ topic: cursor.topic, partition: cursor.partition, offset: next });
    return dead;
  }

  private async commitToKafka(cursor: PartitionCursor, records: ConsumedRecord[], next: number): Promise<ConsumedRecord[]> {
    const d = this.deps;
    const dead = await deliver(cursor, records, d.handlers, (work) => work(undefined as Tx), false, d.delivery);
    try {
      await d.consumer.commit([{ topic: cursor.topic, partition: cursor.partition, offset: next }]);
    } catch (err) {
      throw new KafkaCommitFailure(err);
    }
    this.commitFailures = 0;
    const now = Date.now();
    if (d.snapshots !== undefined && now - cursor.snapshotAt >= d.snapshotIntervalMs) {
      const state = cursor.dedup.snapshot();
      if (state !== null) {
        d.snapshots.schedule(cursor, { offset: next, state });
        cursor.snapshotAt = now;
        cursor.snapshotOffset = next;
      }
    }
    return dead;
  }

  // The dedup state ran ahead of what is durable: rebuild it (and seek) before the partition goes on.
  private recover(tp: TopicPartition, firstOffset: number, err: unknown): void {
    const d = this.deps;
    d.cursors.invalidate(tp);
    const where = `${tp.topic}[${tp.partition}]`;
    if (err instanceof SinkConflictError) {
      d.metrics.add('sinkConflicts');
      d.logger.warn?.(`${where}: another reader moved the stored offset; reloading it from the sink`);
    } else if (err instanceof KafkaCommitFailure && ++this.commitFailures < MAX_COMMIT_FAILURES) {
      d.logger.warn?.(`${where}: offset commit failed (${describe(err.cause)}); the batch will be read again`);
    } else {
      if (d.running()) d.fail(err instanceof KafkaCommitFailure ? err.cause : err);
      return;
    }
    // Get this batch again (the adapter must not move past it); its redelivery restores the state and seeks to what is durable.
    d.consumer.seek({ topic: tp.topic, partition: tp.partition, offset: firstOffset });
  }

  // With a sink the database holds the truth; Kafka's committed offsets only serve lag monitoring, so they trail.
  private commitBestEffort(offset: TopicPartition & { offset: number }): void {
    this.bestEffort.set(`${offset.topic}\u0000${offset.partition}`, offset);
    if (this.bestEffortRunning) return;
    this.bestEffortRunning = true;
    void (async () => {
      while (this.bestEffort.size > 0) {
        const offsets = [...this.bestEffort.values()];
        this.bestEffort.clear();
        await this.deps.consumer.commit(offsets).catch(() => undefined);
      }
      this.bestEffortRunning = false;
    })();
  }
}

/** A Kafka offset commit failed (most often: the group is rebalancing). */
class KafkaCommitFailure extends Error {
  constructor(override readonly cause: unknown) {
    super(describe(cause));
  }
}

function describe(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
