/**
 * Offset math for `send()` results. kafkajs answers a produce request with one
 * base offset per partition; the records of one partition in one request form
 * one batch, written contiguously in request order, so record i of that
 * partition sits at `baseOffset + i`.
 */
import { EoskitError } from '../errors.js';
import type { RecordPosition, TopicPartition } from './types.js';

/** Parses an offset the clients hand over as a string (or number) into a safe integer. */
export function toOffset(value: string | number | bigint | null | undefined, what: string): number {
  const offset = typeof value === 'string' ? Number(value) : Number(value ?? Number.NaN);
  if (!Number.isSafeInteger(offset)) {
    throw new EoskitError('KAFKA', `${what}: offset ${String(value)} is not a safe integer`);
  }
  return offset;
}

/** `topic` + `partition` as one map key. */
export const partitionKey = (tp: TopicPartition): string => `${tp.partition}:${tp.topic}`;

/**
 * One position per record, in input order, given each record's partition and
 * the base offset of every partition's batch.
 */
export function positionsFromBaseOffsets(
  records: readonly TopicPartition[],
  baseOffsets: ReadonlyMap<string, number>,
): RecordPosition[] {
  const next = new Map<string, number>();
  return records.map((record) => {
    const key = partitionKey(record);
    const offset = next.get(key) ?? baseOffsets.get(key);
    if (offset === undefined) {
      throw new EoskitError(
        'KAFKA',
        `produce response has no offset for ${record.topic}[${record.partition}]`,
      );
    }
    next.set(key, offset + 1);
    return { topic: record.topic, partition: record.partition, offset };
  });
}
