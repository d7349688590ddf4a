import type { ConsumedRecord } from '@eoskit/core';
import type { DedupVerdict, Deduplicator } from './deduplicator.js';

/** Options of {@link KeyDedup}. */
export interface KeyDedupOptions {
  /** The window holds the keys of this many latest records of the partition. Default 10,000. */
  windowCount?: number;
  /**
   * A key repeats only if its previous occurrence in the window is at most
   * this many ms older (by record timestamp). Default 24 h.
   */
  windowMs?: number;
  /** Take the idempotency key from this header instead of the record key. */
  header?: string;
}

interface Occurrence {
  /** How many records in the window carry the key. */
  count: number;
  /** Timestamp of the latest of them. */
  timestamp: number;
}

const DEFAULT_WINDOW_COUNT = 10_000;
const DEFAULT_WINDOW_MS = 24 * 60 * 60 * 1000;

/**
 * Dedup by idempotency key within one partition: a record is a repeat when
 * one of the last `windowCount` records carries the same key and the latest
 * such record is at most `windowMs` older (record timestamps, not the clock).
 *
 * The state depends only on the last `windowCount` records, so it is never
 * saved: a restore replays them (see {@link DedupStrategy.rebuild}).
 * Memory: `windowCount` keys at most.
 */
export class KeyDedup implements Deduplicator {
  readonly windowCount: number;
  private readonly windowMs: number;
  private readonly header: string | undefined;
  // Ring buffer of the window's keys, oldest at `head` once full.
  private readonly ring: Array<string | null>;
  private head = 0;
  private filled = 0;
  private readonly latest = new Map<string, Occurrence>();

  constructor(options: KeyDedupOptions = {}) {
    this.windowCount = options.windowCount ?? DEFAULT_WINDOW_COUNT;
    this.windowMs = options.windowMs ?? DEFAULT_WINDOW_MS;
    this.header = options.header;
    if (!Number.isSafeInteger(this.windowCount) || this.windowCount < 1) {
      throw new RangeError(`windowCount must be a positive integer, got ${String(options.windowCount)}`);
    }
    if (!(this.windowMs >= 0)) throw new RangeError(`windowMs must be >= 0, got ${String(options.windowMs)}`);
    this.ring = new Array<string | null>(this.windowCount).fill(null);
  }

  check(record: ConsumedRecord): DedupVerdict {
    const raw = this.header === undefined ? record.key : record.headers[this.header];
    // Records without a key still occupy a slot: the window is "the last N records", whatever they carry.
    const key = raw === null || raw === undefined ? null : raw.toString('latin1');
    const seen = key === null ? undefined : this.latest.get(key);
    const repeat = seen !== undefined && record.timestamp - seen.timestamp <= this.windowMs;
    this.push(key, record.timestamp);
    if (key === null) return 'unstamped';
    return repeat ? 'duplicate' : 'new';
  }

  snapshot(): null {
    return null;
  }

  /** Distinct keys in the window. */
  get size(): number {
    return this.latest.size;
  }

  private push(key: string | null, timestamp: number): void {
    if (this.filled === this.windowCount) {
      const oldest = this.ring[this.head] ?? null;
      if (oldest !== null) {
        const occ = this.latest.get(oldest);
        if (occ !== undefined && --occ.count === 0) this.latest.delete(oldest);
      }
    } else {
      this.filled += 1;
    }
    this.ring[this.head] = key;
    this.head = (this.head + 1) % this.windowCount;
    if (key === null) return;
    const occ = this.latest.get(key);
    if (occ === undefined) this.latest.set(key, { count: 1, timestamp });
    else {
      occ.count += 1;
      occ.timestamp = timestamp;
    }
  }
}
