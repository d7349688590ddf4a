import type { ConsumedRecord } from '@eoskit/core';
import type { Deduplicator } from '@eoskit/reader';
import type { OutputTally } from './demo-types.js';

/** Options of {@link tallyOutput}. */
export interface TallyOptions {
  /** Events 0..count-1 are expected. */
  count: number;
  /** Makes the reader's dedup state of one partition; none: every record is delivered. */
  dedup?: () => Deduplicator;
}

/**
 * Counts what an application reading `records` (grouped by partition, in
 * offset order) receives: each record's event id is the `seq` of its JSON
 * value. With `dedup`, records the reader's dedup calls duplicates are
 * dropped first, as `@eoskit/reader` drops them.
 */
export function tallyOutput(records: Iterable<ConsumedRecord>, options: TallyOptions): OutputTally {
  const seen = new Set<number>();
  const dedups = new Map<number, Deduplicator>();
  let processed = 0;
  let delivered = 0;
  let droppedByReader = 0;
  let unexpected = 0;
  for (const record of records) {
    processed++;
    if (options.dedup !== undefined) {
      let dedup = dedups.get(record.partition);
      if (dedup === undefined) dedups.set(record.partition, (dedup = options.dedup()));
      if (dedup.check(record) === 'duplicate') {
        droppedByReader++;
        continue;
      }
    }
    const seq = eventId(record);
    if (seq === undefined || seq >= options.count) {
      unexpected++;
      continue;
    }
    delivered++;
    seen.add(seq);
  }
  return { processed, readUnique: seen.size, duplicates: delivered - seen.size, missing: options.count - seen.size, droppedByReader, unexpected };
}

function eventId(record: ConsumedRecord): number | undefined {
  try {
    const value = JSON.parse(record.value?.toString() ?? 'null') as { seq?: unknown } | null;
    const seq = value?.seq;
    return typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 0 ? seq : undefined;
  } catch {
    return undefined;
  }
}
