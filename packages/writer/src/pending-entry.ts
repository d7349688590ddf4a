import type { OutgoingRecord, RecordPosition } from '@eoskit/core';
import type { WriteResult } from './writer-types.js';

/**
 * Where an accepted record is on its way to durable:
 * - `queued`: waiting to be sent;
 * - `sending`: handed to the producer, no answer yet;
 * - `acked`: acknowledged inside an open transaction, not committed yet;
 * - `unknown`: its send or commit failed, so it may or may not be in the log
 *   (recovery reads the log to decide);
 * - `done`: durable, its `write()` resolved.
 */
export type EntryStatus = 'queued' | 'sending' | 'acked' | 'unknown' | 'done';

/** One accepted record and the promise its caller waits on. */
export interface PendingEntry {
  readonly seq: number;
  readonly topic: string;
  readonly record: OutgoingRecord;
  /** Key + value + header bytes, for the buffer bound. */
  readonly bytes: number;
  /** When it was accepted (writer clock). */
  readonly acceptedAt: number;
  status: EntryStatus;
  /** Known once acknowledged. */
  position?: RecordPosition;
  resolve(result: WriteResult): void;
  reject(error: Error): void;
}
