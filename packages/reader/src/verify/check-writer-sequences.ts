import { decodeWriterHeaders } from '@eoskit/core';
import type { ConsumedRecord } from '@eoskit/core';
import { SequenceDedup } from '../dedup/sequence-dedup.js';
import type { VerifyReport } from './verify-report.js';

/** Options of {@link checkWriterSequences}. */
export interface WriterCheck {
  writerId: string;
  /** Sequences 0..count-1 are expected, each exactly once. */
  count: number;
  /** Drop repeats as the `sequence`-dedup reader would before checking (what such a reader delivers). */
  dedup?: boolean;
}

/**
 * Checks that a topic holds sequences 0..count-1 of one writer exactly once.
 * Only records stamped by `writerId` count; others are ignored.
 *
 * Order is per partition: walking a partition's records in offset order, a
 * record is `outOfOrder` when an earlier record of the partition (not a
 * repeat) has a higher sequence. A sequence seen in two partitions is a
 * duplicate (the reader deduplicates per partition, so it would deliver both).
 */
export function checkWriterSequences(records: ConsumedRecord[], check: WriterCheck): VerifyReport {
  const byPartition = new Map<number, ConsumedRecord[]>();
  for (const r of records) {
    const list = byPartition.get(r.partition);
    if (list === undefined) byPartition.set(r.partition, [r]);
    else list.push(r);
  }
  const seen = new Set<number>();
  let counted = 0;
  let duplicates = 0;
  let unexpected = 0;
  let outOfOrder = 0;
  for (const list of byPartition.values()) {
    list.sort((a, b) => a.offset - b.offset);
    const dedup = check.dedup === true ? new SequenceDedup({ maxWriters: Number.MAX_SAFE_INTEGER }) : undefined;
    let highest = -1;
    for (const r of list) {
      let stamp;
      try {
        stamp = decodeWriterHeaders(r.headers);
      } catch {
        continue; // malformed headers: not a record of this writer
      }
      if (stamp === null || stamp.writerId !== check.writerId) continue;
      if (dedup !== undefined && dedup.check(r) === 'duplicate') continue;
      counted += 1;
      const seq = stamp.sequence;
      if (seq >= check.count) {
        unexpected += 1;
        continue;
      }
      if (seen.has(seq)) {
        duplicates += 1;
        continue;
      }
      seen.add(seq);
      if (seq < highest) outOfOrder += 1;
      else highest = seq;
    }
  }
  const missing = check.count - seen.size;
  return {
    records: counted,
    unique: seen.size,
    duplicates,
    missing,
    outOfOrder,
    unexpected,
    exact: duplicates === 0 && missing === 0 && outOfOrder === 0 && unexpected === 0 && counted === check.count,
  };
}
