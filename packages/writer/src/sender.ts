import type { EosProducer, OutgoingRecord } from '@eoskit/core';
import type { PendingEntry } from './pending-entry.js';
import type { SequenceTracker } from './sequence-tracker.js';

/** Batch and pipeline limits of a sender. */
export interface SendLimits {
  /** Records per `send()` call. */
  maxSendRecords: number;
  /** Bytes per `send()` call: at most the topics' max.message.bytes, so no partition batch can exceed it. */
  maxSendBytes: number;
  /** `send()` calls in flight at once (idempotent mode). */
  maxConcurrentSends: number;
  /** Records per transaction (transactional mode). */
  maxTransactionRecords: number;
  /** Bytes per transaction (transactional mode): bounds the work a crash throws away and the commit latency. */
  maxTransactionBytes: number;
  /** Idempotent mode: minimum time between checkpoints while records flow. */
  checkpointIntervalMs: number;
}

/** What a sender needs from its writer. */
export interface SenderContext {
  readonly tracker: SequenceTracker;
  readonly limits: SendLimits;
  /** The current producer; it changes after a recovery. */
  producer(): EosProducer;
  /** True while the writer may send (state `ready`). */
  canSend(): boolean;
  /**
   * A checkpoint record of the current state (`assumeAcked`: counting the
   * open transaction as committed) and a fingerprint of the state it
   * describes, to skip writing the same state twice.
   */
  checkpoint(assumeAcked: boolean): { record: OutgoingRecord; fingerprint: string };
  /** Records are durable: resolve their writes (and check ordering). */
  durable(entries: PendingEntry[]): void;
  /** A send, transaction or commit failed; the writer recovers or fails. */
  failed(error: unknown): void;
  /** Something settled: wake waiters, pump again. */
  changed(): void;
  now(): number;
}

/** Moves queued records to Kafka. One implementation per writer mode. */
export interface Sender {
  /** Starts sends while the pipeline has room. Safe to call any time. */
  pump(): void;
  /** Sends or transactions not yet settled; recovery waits for 0. */
  readonly inflight: number;
  /** Writes a checkpoint now if anything changed since the last one (flush, close). */
  checkpointNow(): Promise<void>;
}
