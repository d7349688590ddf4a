import type { ClientChoice, ConsumedRecord, TopicPartition } from '@eoskit/core';
import type { RuleSettings } from '@eoskit/lint';
import type { ProcessorMetrics } from './processor-metrics.js';
import type { ProcessorStateName } from './processor-state.js';
import type { FencingScheme } from './transactional-ids.js';

/**
 * - `exactly-once`: each checkpoint is one Kafka transaction holding the
 *   outputs, the consumed offsets and the state changes.
 * - `at-least-once`: the same pipeline without transactions (produce, wait
 *   for the acks, then commit offsets): after a crash some outputs repeat.
 */
export type Guarantee = 'exactly-once' | 'at-least-once';

/** An input record handed to `process` (read_committed: never from an aborted transaction). */
export type ProcessorEvent = ConsumedRecord;

/** A state value: anything `JSON.stringify` turns into JSON and back unchanged. */
export type StateValue = string | number | boolean | null | StateValue[] | { [key: string]: StateValue };

/**
 * Keyed state of one input partition. Changes join the open checkpoint: they
 * become durable when it commits and vanish when it aborts. Values are stored
 * as JSON text, so mutating an object after `put` does not change the state.
 */
export interface KeyedState {
  /** The value of `key`, including changes of the open checkpoint; `undefined` when absent. */
  get<V extends StateValue = StateValue>(key: string): V | undefined;
  /** Sets `key` in the open checkpoint; refuses values that are not JSON (`CONFIG_INVALID`). */
  put(key: string, value: StateValue): void;
  /** Removes `key` in the open checkpoint (a tombstone in the changelog). */
  delete(key: string): void;
}

/** What `process` sees besides the event. */
export interface ProcessContext {
  /** State of the event's input partition (see the README: state is per input partition). */
  readonly state: KeyedState;
  /** The input partition being processed. */
  readonly partition: TopicPartition;
}

/** A record `process` asks to produce. Strings are encoded as UTF-8. */
export interface ProcessorOutput {
  topic: string;
  key?: string | Buffer | null;
  value: string | Buffer | null;
  headers?: Record<string, string | Buffer>;
  /** Explicit partition; by default the key decides (murmur2, as the Java client). */
  partition?: number;
}

/** The processing function: zero, one or several outputs per event. */
export type ProcessFunction = (
  event: ProcessorEvent,
  ctx: ProcessContext,
) => ProcessorOutput | ProcessorOutput[] | void | Promise<ProcessorOutput | ProcessorOutput[] | void>;

/** When a checkpoint is taken: whichever bound is reached first. */
export interface CheckpointOptions {
  /** Longest time a checkpoint stays open, in ms. Default 100 (Kafka Streams' exactly-once default). */
  intervalMs?: number;
  /** Most input records in one checkpoint. Default 5000. */
  maxRecords?: number;
}

/** Where the processor reports what it does; nothing is printed by default. */
export interface ProcessorLogger {
  /**
   * One line per delivered batch, seek, rewind, partition start and commit: where each partition's
   * position came from, for diagnosing. Many lines; leave it out in production.
   */
  debug?(message: string): void;
  info?(message: string): void;
  warn?(message: string): void;
  error?(message: string): void;
}

/**
 * Options of {@link createProcessor}. The connection ({@link ClientChoice}): a client kind with `brokers` (and
 * `ssl`/`sasl` for a secured cluster), which the processor then closes, or an existing client, left open.
 */
export interface ProcessorOptions extends ClientChoice {
  /** Consumer group: every process of one application uses the same id. */
  groupId: string;
  /** Input topics (they must exist). */
  inputs: string[];
  /**
   * Output topics, checked at start like the inputs (they must exist; their
   * replication is linted). `process` may still write to other topics.
   */
  outputs?: string[];
  /**
   * Stable prefix of the transactional ids (see the README's fencing scheme).
   * Every process of the application uses the same prefix.
   */
  transactionalIdPrefix: string;
  /**
   * `confluent` only: this process's stable identity, so a restarted process
   * fences its previous incarnation at once (transactional id
   * `<prefix>-<instanceId>`). Unique among live processes, the same across
   * restarts. Default: the host name.
   */
  instanceId?: string;
  /**
   * How zombies are fenced (see the README). Default: `per-process` with
   * confluent (KIP-447), `per-partition` with kafkajs (which lacks KIP-447
   * and refuses `per-process`). `per-partition` with confluent needs no
   * instanceId but runs one producer per owned input partition.
   */
  fencing?: FencingScheme;
  /** Default `exactly-once`. */
  guarantee?: Guarantee;
  checkpoint?: CheckpointOptions;
  process: ProcessFunction;
  /**
   * `sequence` (default) drops input records an eoskit writer wrote twice,
   * by (writer id, sequence), with watermarks saved in the same checkpoint;
   * `off` hands every record to `process`.
   */
  dedup?: 'sequence' | 'off';
  /** Compacted topic holding the state and the dedup watermarks. Default `<groupId>-changelog`; created when missing. */
  changelogTopic?: string;
  /**
   * `transaction.timeout.ms`, default 30000: how long an open transaction of
   * a process that died and never comes back holds back read_committed
   * readers of the output. Must exceed the checkpoint interval.
   */
  transactionTimeoutMs?: number;
  consumer?: {
    sessionTimeoutMs?: number;
    heartbeatIntervalMs?: number;
    maxPollIntervalMs?: number;
    /** Where a partition without a committed offset starts. Default true (earliest). */
    fromBeginning?: boolean;
  };
  producer?: {
    /** `confluent` only. Default 5. */
    lingerMs?: number;
    /** `confluent` only: `batch.size` in bytes. */
    batchSize?: number;
    compression?: 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';
  };
  /** eos-lint rule settings (id or alias -> severity or `off`) for the start-up checks. */
  lint?: RuleSettings;
  /**
   * Testing aid, like Kafka's TransactionalMessageCopier: this share (0..1)
   * of checkpoints is aborted on purpose and processed again. `exactly-once` only.
   */
  abortRatio?: number;
  logger?: ProcessorLogger;
}

/** A running consume-process-produce loop; see {@link createProcessor}. */
export interface Processor {
  /**
   * Checks the configuration against the cluster (eos-lint rules), creates
   * the changelog topic when missing, joins the group and resolves once
   * running. Rejects with `CONFIG_INVALID` naming the finding.
   */
  start(): Promise<void>;
  /** Commits the open checkpoint, leaves the group and closes everything. */
  stop(): Promise<void>;
  /** Settles when the processor stopped (resolves) or failed (rejects with the cause). */
  done(): Promise<void>;
  /** Lifecycle state. */
  readonly state: ProcessorStateName;
  /** Counters since creation and the live partition picture. */
  metrics(): ProcessorMetrics;
}
