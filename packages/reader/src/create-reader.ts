import { EoskitError, openClientChoice } from '@eoskit/core';
import type { ConsumedRecord, EosAdmin, EosConsumer, EosProducer, KafkaClient, TopicPartition } from '@eoskit/core';
import { BatchProcessor } from './batch-processor.js';
import { dedupStrategy } from './dedup/dedup-strategy.js';
import { deadLetterRecord } from './failure/dead-letter.js';
import { ReaderMetricsRecorder } from './metrics/reader-metrics.js';
import type { ReaderMetrics } from './metrics/reader-metrics.js';
import { PartitionRegistry } from './partition-registry.js';
import type { Reader, ReaderHandlers, ReaderOptions } from './reader-types.js';
import { loadCursors } from './restore/load-cursors.js';
import type { PartitionCursor } from './restore/load-cursors.js';
import { SnapshotScheduler } from './restore/snapshot-scheduler.js';
import { SnapshotTopicStore } from './restore/snapshot-topic-store.js';
import { topicPartitionKey } from './topic-partition-key.js';
import { lintConsumerConfig } from './lint-consumer-config.js';
import { validateReaderOptions } from './validate-reader-options.js';

/** Default compacted topic of dedup snapshots (readers without a sink, `sequence` mode). */
export const DEFAULT_SNAPSHOT_TOPIC = 'eoskit-reader-snapshots';

/**
 * Creates a read_committed reader that drops repeated events and commits
 * offsets only after its handler succeeded; with a sink, the handler's
 * writes, the offsets and the dedup state commit in one database transaction.
 * See the package README for the guarantees and failure modes.
 */
export function createReader<Tx = undefined>(options: ReaderOptions<Tx>): Reader<Tx> {
  validateReaderOptions(options);
  lintConsumerConfig(options, options.logger);
  return new KafkaReader(options);
}

type Phase = 'new' | 'starting' | 'running' | 'stopping' | 'stopped' | 'failed';

class KafkaReader<Tx> implements Reader<Tx> {
  private phase: Phase = 'new';
  private readonly recorder = new ReaderMetricsRecorder();
  private readonly inflight = new Map<string, Promise<void>>();
  private readonly settled: Promise<void>;
  private settle!: { resolve: () => void; reject: (err: unknown) => void };
  private consumer: EosConsumer | undefined;
  private admin: EosAdmin | undefined;
  private producer: EosProducer | undefined;
  private store: SnapshotTopicStore | undefined;
  private snapshots: SnapshotScheduler | undefined;
  private cursors: PartitionRegistry<PartitionCursor> | undefined;
  /** Set when the reader made the client itself (from a kind), so it closes it too. */
  private ownClient: KafkaClient | undefined;
  private stopping: Promise<void> | undefined;

  constructor(private readonly options: ReaderOptions<Tx>) {
    this.settled = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
    this.settled.catch(() => undefined); // observed through done()
  }

  async run(handlers: ReaderHandlers<Tx>): Promise<void> {
    if (this.phase !== 'new') throw new EoskitError('CLOSED', `reader ${this.options.groupId}: run() was already called`);
    this.phase = 'starting';
    try {
      await this.start(handlers);
    } catch (err) {
      this.phase = 'failed';
      await this.release();
      this.settle.reject(err);
      throw err;
    }
  }

  private async start(handlers: ReaderHandlers<Tx>): Promise<void> {
    const o = this.options;
    const log = o.logger ?? {};
    const { client, owned } = await openClientChoice(o, 'eoskit-reader');
    if (owned) this.ownClient = client;
    const strategy = dedupStrategy({ mode: o.dedup ?? 'sequence', sequence: o.sequence, key: o.key });
    await o.sink?.open();
    this.admin = client.admin();
    await this.admin.connect();
    if (o.sink === undefined && strategy.rebuild.kind === 'snapshot') {
      this.store = new SnapshotTopicStore({ client, topic: o.sequence?.snapshotTopic ?? DEFAULT_SNAPSHOT_TOPIC });
      await this.store.open();
      this.snapshots = new SnapshotScheduler(this.store, o.groupId, (err) => log.warn?.(`saving dedup snapshots failed: ${String(err)}`));
    }
    const deadLetterTopic = typeof o.onFailure === 'object' ? o.onFailure.deadLetterTopic : undefined;
    if (deadLetterTopic !== undefined) {
      this.producer = client.producer();
      await this.producer.connect();
    }
    const fromBeginning = o.consumer?.fromBeginning ?? true;
    const consumer = client.consumer({ ...o.consumer, groupId: o.groupId, isolationLevel: 'read_committed', fromBeginning });
    this.consumer = consumer;
    const admin = this.admin;
    // Loads run from onAssigned or from a batch; the adapters never overlap callbacks and batches, so nothing of these partitions is in flight.
    this.cursors = new PartitionRegistry<PartitionCursor>(async (tps) => {
      const cursors = await loadCursors(
        { groupId: o.groupId, admin, readRanges: (r, opts) => client.readRanges(r, opts), strategy, fromBeginning, sink: o.sink, snapshots: this.store },
        tps,
      );
      // After an assignment the consumer starts at Kafka's committed offset. Seek only where the truth differs
      // (a sink ahead of its best-effort Kafka commits, or behind them after a restore); a batch that arrives
      // from elsewhere is handled in BatchProcessor (filtered, or dropped with a seek).
      for (const c of cursors.values()) {
        if (c.position === c.clientStart) continue;
        try {
          consumer.seek({ topic: c.topic, partition: c.partition, offset: c.position });
        } catch {
          // no longer assigned: the revocation drops this state
        }
      }
      this.recorder.add('restores', cursors.size);
      return cursors;
    });
    const processor = new BatchProcessor<Tx>({
      groupId: o.groupId,
      consumer,
      cursors: this.cursors,
      handlers,
      sink: o.sink,
      snapshots: this.snapshots,
      snapshotIntervalMs: o.sequence?.snapshotIntervalMs ?? 1000,
      metrics: this.recorder,
      logger: log,
      running: () => this.phase === 'running',
      fail: (err) => this.fail(err),
      delivery: {
        retry: o.retry ?? {},
        abandoned: () => this.phase !== 'running',
        onRetry: (err) => {
          this.recorder.add('retries');
          log.warn?.(`handler failed, retrying: ${err instanceof Error ? err.message : String(err)}`);
        },
        deadLetter:
          deadLetterTopic === undefined ? undefined : (records, err) => this.deadLetter(deadLetterTopic, records, err),
      },
    });
    await consumer.connect();
    await consumer.subscribe(o.topics);
    if (this.phase !== 'starting') return; // stop() came first; it releases everything
    this.phase = 'running';
    await consumer.run({
      eachBatch: (batch) => this.track(batch, processor.process(batch)),
      // Every assignment rebuilds state from what is durable: another member may have moved the partition meanwhile.
      onAssigned: (tps) => {
        this.recorder.add('assignments');
        for (const tp of tps) this.cursors?.invalidate(tp);
        this.cursors?.prefetch(tps);
      },
      onRevoked: (tps) => this.revoked(tps),
      onError: (err) => this.fail(err),
    });
  }

  private async track(tp: TopicPartition, work: Promise<void>): Promise<void> {
    const key = topicPartitionKey(tp);
    this.inflight.set(key, work);
    try {
      await work;
    } finally {
      if (this.inflight.get(key) === work) this.inflight.delete(key);
    }
  }

  private revoked(tps: TopicPartition[]): void {
    const released = this.cursors?.release(tps) ?? [];
    for (const tp of tps) this.recorder.forget(tp);
    this.saveSnapshots(released);
  }

  // A final snapshot at the committed position makes the next owner's replay short.
  private saveSnapshots(cursors: PartitionCursor[]): void {
    for (const c of cursors) {
      if (this.snapshots === undefined || c.position <= c.snapshotOffset) continue;
      const state = c.dedup.snapshot();
      if (state !== null) this.snapshots.schedule(c, { offset: c.position, state });
    }
  }

  private async deadLetter(topic: string, records: ConsumedRecord[], err: unknown): Promise<void> {
    await this.producer!.send(records.map((r) => deadLetterRecord(r, topic, this.options.groupId, err)));
    this.recorder.add('deadLettered', records.length);
    this.options.logger?.warn?.(`${records.length} record(s) sent to dead-letter topic ${topic}`);
  }

  private fail(err: unknown): void {
    if (this.phase !== 'running' && this.phase !== 'starting') return;
    this.phase = 'failed';
    this.options.logger?.error?.(`reader ${this.options.groupId} stopped: ${err instanceof Error ? err.message : String(err)}`);
    void this.release().finally(() => this.settle.reject(err));
  }

  stop(): Promise<void> {
    if (this.phase === 'new') {
      this.phase = 'stopped';
      this.settle.resolve();
    }
    if (this.phase === 'stopped' || this.phase === 'failed') return this.stopping ?? Promise.resolve();
    if (this.stopping === undefined) {
      this.phase = 'stopping';
      this.stopping = (async () => {
        await Promise.allSettled([...this.inflight.values()]);
        this.saveSnapshots(this.cursors?.loaded().map(([, c]) => c) ?? []);
        await this.release();
        this.phase = 'stopped';
        this.settle.resolve();
      })();
    }
    return this.stopping;
  }

  private async release(): Promise<void> {
    const quietly = async (f: (() => Promise<void>) | undefined): Promise<void> => {
      try {
        await f?.();
      } catch {
        // leaving anyway
      }
    };
    await quietly(this.consumer && (() => this.consumer!.disconnect()));
    await quietly(this.snapshots && (() => this.snapshots!.flush()));
    await quietly(this.store && (() => this.store!.close()));
    await quietly(this.producer && (() => this.producer!.disconnect()));
    await quietly(this.admin && (() => this.admin!.disconnect()));
    await quietly(this.ownClient && (() => this.ownClient!.close()));
  }

  done(): Promise<void> {
    return this.settled;
  }

  metrics(): ReaderMetrics {
    return this.recorder.snapshot();
  }
}
