import type { ClientChoice, ConsumedRecord, ConsumerOptions } from '@eoskit/core';
import type { DedupMode } from './dedup/deduplicator.js';
import type { KeyDedupOptions } from './dedup/key-dedup.js';
import type { SequenceDedupOptions } from './dedup/sequence-dedup.js';
import type { RetryOptions } from './failure/retry-policy.js';
import type { ReaderMetrics } from './metrics/reader-metrics.js';
import type { Sink } from './sinks/sink.js';

/** Where a handler runs: its partition and, with a sink, the open database transaction. */
export interface HandlerContext<Tx> {
  topic: string;
  partition: number;
  /** The sink's transaction handle (`undefined` without a sink). Writes through it commit with the offsets. */
  tx: Tx;
}

/** Receives each delivered record, in offset order per partition. */
export interface EachEventHandlers<Tx> {
  /** Handles one record; with a sink, write through `context.tx`. Throwing retries (see `retry`), then applies `onFailure`. */
  eachEvent(event: ConsumedRecord, context: HandlerContext<Tx>): Promise<void> | void;
}

/** Receives the delivered records of one partition batch (never empty), in offset order. */
export interface EachBatchHandlers<Tx> {
  /** Handles the records of one partition batch; with a sink, write through `context.tx`. Throwing retries the whole batch. */
  eachBatch(events: ConsumedRecord[], context: HandlerContext<Tx>): Promise<void> | void;
}

/** Exactly one of `eachEvent` or `eachBatch`. */
export type ReaderHandlers<Tx> = EachEventHandlers<Tx> | EachBatchHandlers<Tx>;

/** What happens once a handler failed and its retries are spent. */
export type FailurePolicy = 'stop' | { deadLetterTopic: string };

/** Log sink of a reader; every method is optional. Messages never contain secrets. */
export interface ReaderLogger {
  info?(message: string): void;
  warn?(message: string): void;
  error?(message: string): void;
}

/**
 * Options of {@link createReader}. The connection ({@link ClientChoice}): a client kind with `brokers` (and
 * `ssl`/`sasl` for a secured cluster), which the reader then closes, or a client made by `createClient`,
 * shared with other components and left open.
 */
export interface ReaderOptions<Tx = undefined> extends ClientChoice {
  groupId: string;
  topics: string[];
  /** Dedup mode. Default `sequence`. */
  dedup?: DedupMode;
  /** `sequence` mode settings. */
  sequence?: SequenceDedupOptions & {
    /** Without a sink: compacted topic of dedup snapshots. Default `eoskit-reader-snapshots`. */
    snapshotTopic?: string;
    /** Without a sink: at most one snapshot per partition per this many ms. Default 1000. */
    snapshotIntervalMs?: number;
  };
  /** `key` mode settings. */
  key?: KeyDedupOptions;
  /** A database committing the handler's writes, the offsets and the dedup state together. */
  sink?: Sink<Tx>;
  /** Handler retries. */
  retry?: RetryOptions;
  /** After retries: stop the reader (default) or send the records to a dead-letter topic and go on. */
  onFailure?: FailurePolicy;
  /** Consumer settings; isolation is always read_committed and auto-commit always off. */
  consumer?: Pick<ConsumerOptions, 'sessionTimeoutMs' | 'heartbeatIntervalMs' | 'maxPollIntervalMs' | 'maxBatchSize' | 'fromBeginning'>;
  logger?: ReaderLogger;
}

/** A running or stopped reader. */
export interface Reader<Tx = undefined> {
  /** Connects, joins the group and starts delivering; resolves once consuming. Call once. */
  run(handlers: ReaderHandlers<Tx>): Promise<void>;
  /** Finishes the batches in progress, saves state and leaves the group. Idempotent. */
  stop(): Promise<void>;
  /** Settles when the reader stops: resolves after {@link stop}, rejects with the error that stopped it. */
  done(): Promise<void>;
  /** Counters and lag. */
  metrics(): ReaderMetrics;
}
