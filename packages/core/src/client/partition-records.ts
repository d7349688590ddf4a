/**
 * Partition choice for one `send()` call: one count lookup per distinct
 * topic (not per record), then every record is placed synchronously, so the
 * round-robin of keyless records advances in call order.
 */
import { EoskitError } from '../errors.js';
import type { PartitionCounts } from './partition-counts.js';
import type { ChoosePartition } from './partitioner.js';
import type { PartitionedRecord } from './records.js';
import type { OutgoingRecord } from './types.js';

/** Gives every record its partition: the caller's, or the Java partitioner's for its key. */
export async function partitionRecords(
  records: readonly OutgoingRecord[],
  partitionCounts: PartitionCounts,
  choosePartition: ChoosePartition,
): Promise<PartitionedRecord[]> {
  const counts = new Map<string, number>();
  /** Highest partition the caller chose, per topic. */
  const highest = new Map<string, number>();
  for (const record of records) {
    if (!counts.has(record.topic)) counts.set(record.topic, await partitionCounts.count(record.topic));
    if (record.partition !== undefined) highest.set(record.topic, Math.max(record.partition, highest.get(record.topic) ?? -1));
  }
  for (const [topic, partition] of highest) {
    if (partition < (counts.get(topic) as number)) continue;
    // The topic may have grown since the count was cached.
    partitionCounts.invalidate(topic);
    const fresh = await partitionCounts.count(topic);
    if (partition >= fresh) {
      throw new EoskitError('CONFIG_INVALID', `topic "${topic}" has ${fresh} partitions, no partition ${partition}`);
    }
    counts.set(topic, fresh);
  }
  return records.map((record) => ({
    ...record,
    partition: record.partition ?? choosePartition(record.topic, record.key, counts.get(record.topic) as number),
  }));
}
