/**
 * The one partitioner both adapters use, so a key lands on the same partition
 * whichever client writes it, and where the Java client would put it:
 * `toPositive(murmur2(key)) % partitionCount`. It reuses kafkajs' own
 * Java-compatible `DefaultPartitioner` (kafkajs is always installed) instead
 * of a second murmur2. Records without a key go round-robin.
 */
import type { PartitionMetadata } from 'kafkajs';
import { Partitioners } from './kafkajs/kafkajs-module.js';

/** Chooses a partition for a key given the topic's partition count. */
export type ChoosePartition = (topic: string, key: Buffer | null, partitionCount: number) => number;

const metadataCache = new Map<number, PartitionMetadata[]>();

/** kafkajs' partitioner wants partition metadata; only the count matters for keyed records. */
function metadataFor(count: number): PartitionMetadata[] {
  let metadata = metadataCache.get(count);
  if (!metadata) {
    metadata = Array.from({ length: count }, (_, partitionId) => ({
      partitionErrorCode: 0,
      partitionId,
      // Any leader >= 0 marks the partition available for round-robin.
      leader: 0,
      replicas: [],
      isr: [],
    }));
    metadataCache.set(count, metadata);
  }
  return metadata;
}

/** Creates a partitioner; each one keeps its own round-robin counters for null keys. */
export function createPartitioner(): ChoosePartition {
  const partition = Partitioners.DefaultPartitioner();
  return (topic, key, partitionCount) => {
    if (!Number.isInteger(partitionCount) || partitionCount < 1) {
      throw new RangeError(`partition count of "${topic}" must be a positive integer, got ${partitionCount}`);
    }
    return partition({ topic, partitionMetadata: metadataFor(partitionCount), message: { key, value: null } });
  };
}
