import { WRITER_HEADER, decodeWriterHeaders, isEoskitError, type KafkaClient, type PartitionRange } from '@eoskit/core';
import type { DurableRecord } from './durable-log-state.js';

/**
 * This writer's records in the given ranges, read `read_committed` (records
 * of aborted transactions are not durable). Records of other writers, and
 * records whose eoskit headers are malformed, are skipped: they cannot be
 * ours, since this writer only ever writes well-formed headers.
 */
export async function scanWriterRecords(
  client: KafkaClient,
  writerId: string,
  ranges: PartitionRange[],
  timeoutMs: number,
): Promise<DurableRecord[]> {
  const wanted = ranges.filter((r) => r.to > r.from);
  if (wanted.length === 0) return [];
  const id = Buffer.from(writerId, 'utf8');
  const found: DurableRecord[] = [];
  for await (const record of client.readRanges(wanted, { isolationLevel: 'read_committed', timeoutMs })) {
    // Cheap filter first: most records in a shared topic belong to other writers.
    const writer = record.headers[WRITER_HEADER];
    if (writer === undefined || !writer.equals(id)) continue;
    try {
      const stamp = decodeWriterHeaders(record.headers);
      if (stamp === null) continue;
      found.push({ sequence: stamp.sequence, topic: record.topic, partition: record.partition, offset: record.offset });
    } catch (err) {
      if (!isEoskitError(err, 'HEADER_INVALID')) throw err;
    }
  }
  return found;
}
