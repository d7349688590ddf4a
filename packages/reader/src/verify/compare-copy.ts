import type { ConsumedRecord } from '@eoskit/core';
import type { VerifyReport } from './verify-report.js';

/** The fields of a record {@link compareCopy} compares. */
export type CopyRecord = Pick<ConsumedRecord, 'partition' | 'offset' | 'key' | 'value'>;

/**
 * Compares a copy's output with its input, both as read (read_committed).
 * An event is a (key, value) pair; an input holding the same pair k times
 * expects it k times in the output.
 *
 * Order is per key: the input's records of a key, in (partition, offset)
 * order, give each event its input position (meaningful when a key's records
 * share a partition, as Kafka's key partitioning does). Walking the output's records of
 * that key in (partition, offset) order, a record is `outOfOrder` when an
 * earlier output record of the key has a later input position. Duplicates
 * and unexpected records are not ranked.
 */
export function compareCopy(input: CopyRecord[], output: CopyRecord[]): VerifyReport {
  const inOrder = sortByPosition(input);
  // event id -> queue of input positions within its key (for events that repeat in the input)
  const expected = new Map<string, number[]>();
  const perKeyCount = new Map<string, number>();
  for (const r of inOrder) {
    const key = keyId(r.key);
    const position = perKeyCount.get(key) ?? 0;
    perKeyCount.set(key, position + 1);
    const id = eventId(r);
    const queue = expected.get(id);
    if (queue === undefined) expected.set(id, [position]);
    else queue.push(position);
  }
  const seenIds = new Set<string>();
  const latest = new Map<string, number>();
  let duplicates = 0;
  let unexpected = 0;
  let outOfOrder = 0;
  for (const r of sortByPosition(output)) {
    const id = eventId(r);
    seenIds.add(id);
    const queue = expected.get(id);
    if (queue === undefined) {
      unexpected += 1;
      continue;
    }
    const position = queue.shift();
    if (position === undefined) {
      duplicates += 1;
      continue;
    }
    const key = keyId(r.key);
    const before = latest.get(key) ?? -1;
    if (position < before) outOfOrder += 1;
    else latest.set(key, position);
  }
  let missing = 0;
  for (const queue of expected.values()) missing += queue.length;
  return {
    records: output.length,
    unique: seenIds.size,
    duplicates,
    missing,
    outOfOrder,
    unexpected,
    exact: duplicates === 0 && missing === 0 && outOfOrder === 0 && unexpected === 0,
  };
}

function sortByPosition<T extends CopyRecord>(records: T[]): T[] {
  return [...records].sort((a, b) => a.partition - b.partition || a.offset - b.offset);
}

function keyId(key: Buffer | null): string {
  return key === null ? '-' : `+${key.toString('base64')}`;
}

function eventId(r: CopyRecord): string {
  return `${keyId(r.key)}|${r.value === null ? '-' : `+${r.value.toString('base64')}`}`;
}
