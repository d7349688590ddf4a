import type { TopicPartition } from '@eoskit/core';

/** Where a partition stands in a sink: the next offset to read and the dedup state at that offset. */
export interface SinkPosition {
  offset: number;
  /** Saved dedup state (see `Deduplicator.snapshot`), or `null`. */
  state: string | null;
}

/** One partition's move in a sink transaction. */
export interface SinkCommit extends TopicPartition {
  /** The stored offset this reader believes is current; `null` when it believes none is stored. */
  expectedOffset: number | null;
  /** The new next offset to read. */
  offset: number;
  /** Dedup state at `offset`. */
  state: string | null;
}

/**
 * A database that stores a reader's side effects together with its offsets
 * and dedup state, in one transaction. `Tx` is the handle the handler writes
 * through (a better-sqlite3 `Database`, a pg `PoolClient`, ...).
 *
 * Table `eoskit_offsets` (name configurable), one row per group and partition:
 * `(group_id, topic, partition, next_offset, dedup_state, updated_at)`.
 */
export interface Sink<Tx> {
  /** `sqlite` or `postgres`; shown in logs. */
  readonly kind: string;
  /** A description safe to print (no password). */
  readonly description: string;
  /** Creates the offsets table when missing. Safe to call more than once. */
  open(): Promise<void>;
  /** Stored positions of a group's partitions, by `topicPartitionKey`; partitions with none stored are absent. */
  positions(groupId: string, partitions: TopicPartition[]): Promise<Map<string, SinkPosition>>;
  /**
   * In one database transaction: moves each partition's stored offset from
   * `expectedOffset` to `offset` (with its state), runs `work`, commits.
   * If a stored offset is not the expected one (another reader advanced the
   * partition: this one is a zombie or restarted elsewhere) nothing is
   * committed and a `SinkConflictError` is thrown. If `work` throws, nothing
   * is committed and its error is rethrown.
   */
  transaction<T>(groupId: string, commits: SinkCommit[], work: (tx: Tx) => Promise<T> | T): Promise<T>;
  /** Releases connections. */
  close(): Promise<void>;
}

