import type { OutgoingRecord, TopicPartition } from '@eoskit/core';

/**
 * Record keys of the changelog topic. State for input partition p of topic T
 * lives in changelog partition p (co-partitioned), under keys that name T and
 * p too, because several input topics share changelog partition p:
 * - `["T", p, "<state key>"]`: a state value (JSON text), null when deleted;
 * - `["T", p]`: the dedup watermarks of the partition (a SequenceDedup snapshot).
 * JSON keys stay readable in kafka-console-consumer and are unambiguous for any string.
 */
export type ChangelogEntry =
  | { kind: 'state'; tp: TopicPartition; key: string; value: string | null }
  | { kind: 'dedup'; tp: TopicPartition; snapshot: string | null };

export function stateKey(tp: TopicPartition, key: string): Buffer {
  return Buffer.from(JSON.stringify([tp.topic, tp.partition, key]));
}

export function dedupKey(tp: TopicPartition): Buffer {
  return Buffer.from(JSON.stringify([tp.topic, tp.partition]));
}

/** The changelog record of a state change (value null: a tombstone, which compaction removes). */
export function stateRecord(changelog: string, tp: TopicPartition, key: string, value: string | null): OutgoingRecord {
  return { topic: changelog, partition: tp.partition, key: stateKey(tp, key), value: value === null ? null : Buffer.from(value) };
}

/** The changelog record of a partition's dedup watermarks. */
export function dedupRecord(changelog: string, tp: TopicPartition, snapshot: string): OutgoingRecord {
  return { topic: changelog, partition: tp.partition, key: dedupKey(tp), value: Buffer.from(snapshot) };
}

/** Decodes a changelog record; null for records that are not the processor's (they are ignored). */
export function decodeChangelog(key: Buffer | null, value: Buffer | null): ChangelogEntry | null {
  if (key === null) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(key.toString('utf8'));
  } catch {
    return null;
  }
  if (!Array.isArray(parsed) || typeof parsed[0] !== 'string' || !Number.isSafeInteger(parsed[1])) return null;
  const tp = { topic: parsed[0], partition: parsed[1] as number };
  const text = value === null ? null : value.toString('utf8');
  if (parsed.length === 2) return { kind: 'dedup', tp, snapshot: text };
  if (parsed.length === 3 && typeof parsed[2] === 'string') return { kind: 'state', tp, key: parsed[2], value: text };
  return null;
}
