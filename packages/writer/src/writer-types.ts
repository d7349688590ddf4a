import type { ClientChoice } from '@eoskit/core';

/**
 * - `idempotent`: fast. Records are durable once acknowledged by all in-sync
 *   replicas. After a crash the log may hold a record twice (a send that was
 *   in flight when the process died); readers drop the repeat by sequence.
 * - `transactional`: records commit in transactions together with the
 *   writer's checkpoint; a plain `read_committed` consumer sees each once.
 */
export type WriterMode = 'idempotent' | 'transactional';

/** A record to write. */
export interface WriterRecord {
  /** Target topic; may be omitted when the writer has exactly one topic. */
  topic?: string;
  /** Strings are encoded as UTF-8. The partition is chosen from the key (murmur2, as the Java client does). */
  key?: string | Buffer | null;
  value: string | Buffer | null;
  /** Extra headers; names starting with `eoskit.` are reserved. */
  headers?: Record<string, string | Buffer>;
  /**
   * The record's position in its source (outbox row id, file offset...):
   * strictly increasing per writer, gaps allowed. When absent the writer
   * assigns the previous sequence + 1. Two records with the same writer id
   * and sequence are the same event to the writer and to readers.
   */
  sequence?: number;
  /** Explicit partition; normally left to the key. Must be the same for a sequence across restarts. */
  partition?: number;
  /** Create time (ms since the epoch); the broker's time when absent. */
  timestamp?: number;
}

/** Where a durable record is. */
export interface WriteResult {
  topic: string;
  partition: number;
  offset: number;
  sequence: number;
}

/** Summary of {@link Writer.writeMany}. */
export interface WriteManyResult {
  /** Records now durable (written, or found already durable). */
  count: number;
  /** Of those, records that were already durable from an earlier run (not sent again). */
  alreadyDurable: number;
  /** Result of the last record, if any. */
  last?: WriteResult;
}

/** Highest durable sequence of the writer in one partition. */
export interface PartitionSequence {
  topic: string;
  partition: number;
  /** -1 when the writer has no durable record there. */
  sequence: number;
  /** Offset of that record; -1 when none. */
  offset: number;
}

/**
 * How far the writer's durable writes reach.
 *
 * `overall`: every record of this writer with a sequence <= overall is
 * durable, so the source resumes at `overall + 1` (-1: start from scratch).
 * Records above it may be durable too (a crash leaves partitions unevenly
 * far): re-offer them, the writer recognises them and does not send them
 * again. With sparse sequences `overall` may point into a gap: it promises
 * nothing about sequences the source never had.
 */
export interface LastSequence {
  overall: number;
  partitions: PartitionSequence[];
}

/** A recoverable failure the writer handled by recreating its producer. */
export interface RecoveryEvent {
  /** The error that triggered the recovery. */
  error: Error;
  /** Records that were in flight and found durable in the log (not sent again). */
  foundDurable: number;
  /** Records sent again. */
  resent: number;
}

/** Producer settings a caller may change, in Java client property names. */
export type ProducerConfig = Record<string, string | number | boolean>;

/**
 * Options of {@link createWriter}. The connection ({@link ClientChoice}): a client kind with `brokers` (and
 * `ssl`/`sasl` for a secured cluster), which the writer then closes, or a client from `createClient`, which
 * it leaves open.
 */
export interface WriterOptions extends ClientChoice {
  /** Stable name of this logical writer (one per source); see the header format. */
  writerId: string;
  /** Every topic this writer writes to; recovery scans them. They must exist. */
  topics: string[];
  /** Default `idempotent`. */
  mode?: WriterMode;
  /** Compacted topic holding checkpoints, created when missing. Default `eoskit-writer-checkpoints`. */
  checkpointTopic?: string;
  /** `idempotent` mode: how often a checkpoint is written while records flow. Default 1000. */
  checkpointIntervalMs?: number;
  /** Records accepted but not yet durable before `writeMany` waits. Default 20000. */
  maxBufferedRecords?: number;
  /** Bytes accepted but not yet durable before `writeMany` waits. Default 64 MiB. */
  maxBufferedBytes?: number;
  /**
   * Upper bound on records per send (idempotent, default 5000) or per
   * transaction (transactional, default 10000; transactions also stop at
   * about 4 MB). Sends also stop at the topics' max.message.bytes.
   */
  maxBatchRecords?: number;
  /** Largest record (key + value + headers) accepted. Default 1000000, lowered to the topics' `max.message.bytes`. */
  maxRecordBytes?: number;
  /**
   * How long a record may stay not durable, across recoveries, before the
   * writer gives up with `TIMEOUT` and fails. Default 120000.
   */
  deliveryTimeoutMs?: number;
  /**
   * Producer overrides in Java property names (`linger.ms`, `batch.size`,
   * `compression.type`, `delivery.timeout.ms`, `transaction.timeout.ms`,
   * `max.in.flight.requests.per.connection`; `acks`, `enable.idempotence` and
   * `retries` only with their safe values). Unsafe values are refused with an
   * error naming the key, by the same rules as eos-lint.
   */
  producer?: ProducerConfig;
  /** Told about every recoverable failure the writer handled itself. */
  onRecovery?: (event: RecoveryEvent) => void;
}

/** An idempotent or transactional writer; see {@link createWriter}. */
export interface Writer {
  readonly writerId: string;
  readonly mode: WriterMode;
  /** Lifecycle state: created, connecting, ready, recovering, failed, closing, closed. */
  readonly state: string;
  /**
   * Connects and recovers from Kafka how far this writer's durable writes
   * reach. Resume the source at `overall + 1`.
   */
  connect(): Promise<LastSequence>;
  /** How far durable writes reach now (after `connect()`). */
  lastSequence(): LastSequence;
  /**
   * Accepts a record (its sequence is checked and assigned at once, in call
   * order) and resolves once it is durable: acknowledged by all in-sync
   * replicas (idempotent) or committed (transactional). A record an earlier
   * run already made durable resolves at once without being sent again.
   */
  write(record: WriterRecord): Promise<WriteResult>;
  /**
   * Writes records in order, pulling the next one only while the buffer has
   * room (backpressure), and resolves once all are durable.
   */
  writeMany(records: Iterable<WriterRecord> | AsyncIterable<WriterRecord>): Promise<WriteManyResult>;
  /** Resolves once every accepted record is durable (and, idempotent mode, a checkpoint is written). */
  flush(): Promise<void>;
  /** Flushes, writes a last checkpoint and disconnects. Pending writes that cannot complete are rejected. */
  close(): Promise<void>;
}
