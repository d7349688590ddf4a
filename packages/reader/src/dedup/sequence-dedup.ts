import { SEQUENCE_HEADER, VERSION_HEADER, WRITER_HEADER, decodeWriterHeaders, decodeWriterId } from '@eoskit/core';
import type { ConsumedRecord, WriterStamp } from '@eoskit/core';
import type { DedupVerdict, Deduplicator } from './deduplicator.js';
import { parseSequence } from './parse-sequence.js';

/** Options of {@link SequenceDedup}. */
export interface SequenceDedupOptions {
  /**
   * Writers remembered per partition; the least recently seen is forgotten
   * beyond this. A forgotten writer's old records, should they appear again,
   * are delivered again. Default 1000.
   */
  maxWriters?: number;
}

interface Watermark {
  /** Highest sequence seen. */
  seq: number;
  /** Offset of the writer's latest record (for least-recently-seen eviction). */
  offset: number;
}

const DEFAULT_MAX_WRITERS = 1000;

/**
 * Dedup by (writer id, sequence) within one partition: a record whose sequence
 * is at or below the highest sequence seen from its writer is a repeat
 * (writers' sequences strictly increase per partition).
 *
 * Eviction is by offset of the latest record (a Map kept in recency order),
 * so it depends only on the records seen: replays rebuild the same state.
 */
export class SequenceDedup implements Deduplicator {
  private readonly writers = new Map<string, Watermark>();
  private readonly maxWriters: number;
  private mostRecent: string | undefined;
  private lastWriterBytes: Buffer | undefined;
  private lastWriterId: string | undefined;
  /** Writers forgotten because of {@link SequenceDedupOptions.maxWriters}. */
  evicted = 0;

  constructor(options: SequenceDedupOptions = {}) {
    this.maxWriters = options.maxWriters ?? DEFAULT_MAX_WRITERS;
    if (!Number.isSafeInteger(this.maxWriters) || this.maxWriters < 1) {
      throw new RangeError(`maxWriters must be a positive integer, got ${String(options.maxWriters)}`);
    }
  }

  /** Restores a state saved by {@link snapshot}; `null` when `text` is not one. */
  static fromSnapshot(text: string, options: SequenceDedupOptions = {}): SequenceDedup | null {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      return null;
    }
    if (!isSnapshot(parsed)) return null;
    const dedup = new SequenceDedup(options);
    // Oldest first, so the Map's order (recency) is preserved; trims if the cap shrank.
    for (const [writer, seq, offset] of parsed.writers) dedup.remember(writer, { seq, offset });
    return dedup;
  }

  check(record: ConsumedRecord): DedupVerdict {
    const stamp = this.stampOf(record);
    if (stamp === 'invalid' || stamp === 'unstamped') return stamp;
    const known = this.writers.get(stamp.writerId);
    if (known !== undefined && stamp.sequence <= known.seq) {
      this.remember(stamp.writerId, { seq: known.seq, offset: record.offset });
      return 'duplicate';
    }
    this.remember(stamp.writerId, { seq: stamp.sequence, offset: record.offset });
    return 'new';
  }

  snapshot(): string {
    const writers = [...this.writers].map(([writer, w]) => [writer, w.seq, w.offset]);
    return JSON.stringify({ v: 1, writers });
  }

  // The core codec decides validity; the last writer id is cached because a partition's records
  // mostly come from one writer, and decoding its UTF-8 bytes for every record is the hot path.
  private stampOf(record: ConsumedRecord): WriterStamp | 'invalid' | 'unstamped' {
    const h = record.headers;
    const writer = h[WRITER_HEADER];
    const seq = h[SEQUENCE_HEADER];
    try {
      if (writer === undefined || seq === undefined || h[VERSION_HEADER] !== undefined) {
        return decodeWriterHeaders(h) ?? 'unstamped';
      }
      if (this.lastWriterBytes === undefined || !writer.equals(this.lastWriterBytes)) {
        this.lastWriterId = decodeWriterId(writer);
        this.lastWriterBytes = writer;
      }
      return { writerId: this.lastWriterId!, sequence: parseSequence(seq) };
    } catch {
      return 'invalid';
    }
  }

  /** Highest sequence seen from `writerId`, if remembered. */
  watermark(writerId: string): number | undefined {
    return this.writers.get(writerId)?.seq;
  }

  /** Writers currently remembered. */
  get size(): number {
    return this.writers.size;
  }

  private remember(writer: string, watermark: Watermark): void {
    // The common case (one writer per partition, or long runs of one): already the most recent, update in place.
    if (writer === this.mostRecent) {
      const w = this.writers.get(writer)!;
      w.seq = watermark.seq;
      w.offset = watermark.offset;
      return;
    }
    this.mostRecent = writer;
    this.writers.delete(writer);
    this.writers.set(writer, watermark);
    while (this.writers.size > this.maxWriters) {
      const oldest = this.writers.keys().next().value as string;
      this.writers.delete(oldest);
      this.evicted += 1;
    }
  }
}

function isSnapshot(value: unknown): value is { v: 1; writers: Array<[string, number, number]> } {
  if (typeof value !== 'object' || value === null) return false;
  const { v, writers } = value as { v?: unknown; writers?: unknown };
  return (
    v === 1 &&
    Array.isArray(writers) &&
    writers.every(
      (w) =>
        Array.isArray(w) &&
        w.length === 3 &&
        typeof w[0] === 'string' &&
        Number.isSafeInteger(w[1]) &&
        Number.isSafeInteger(w[2]),
    )
  );
}
