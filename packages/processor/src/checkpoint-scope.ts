import type { OutgoingRecord, TopicPartitionOffset } from '@eoskit/core';
import type { StateMachine } from './state-machine.js';
import type { CheckpointStateName } from './checkpoint-state.js';

/**
 * One producer and the checkpoints it takes. With exactly-once a scope is a
 * transactional producer (one per input partition with kafkajs, one per
 * process with confluent); with at-least-once a plain idempotent producer.
 * Outputs are sent as they are produced (pipelined) and awaited by `commit`.
 */
export interface CheckpointScope {
  /** The transactional id, or a name for a plain producer. */
  readonly id: string;
  readonly machine: StateMachine<CheckpointStateName>;
  /** When the open checkpoint began (ms since the epoch); 0 when none is open. */
  readonly openedAt: number;
  /** Creates and connects the producer (a transactional one fences older instances of its id). */
  connect(): Promise<void>;
  /** Opens a checkpoint unless one is open. */
  open(): Promise<void>;
  /** Sends records into the open checkpoint without waiting; failures surface in `commit`. */
  send(records: OutgoingRecord[]): void;
  /** Waits while more than `limit` records wait to be sent. */
  room(limit: number): Promise<void>;
  /** Waits for the sends, adds the changelog records and the offsets, and commits. */
  commit(offsets: TopicPartitionOffset[], changelog: OutgoingRecord[]): Promise<void>;
  /**
   * Aborts the open checkpoint. Resolves true when the producer is still
   * usable; false when it failed and must be recreated with {@link reset}.
   */
  abort(): Promise<boolean>;
  /** Recreates the producer after a failure (fencing, resolving any transaction left open). */
  reset(): Promise<void>;
  close(): Promise<void>;
}
