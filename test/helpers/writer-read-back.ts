import { randomUUID } from 'node:crypto';
import { decodeWriterHeaders, type ConsumedRecord, type KafkaClient, type PartitionOffsets } from '@eoskit/core';

/** What a sequence-deduplicating reader makes of one writer's records in a topic. */
export interface ReadBack {
  /** Records of the writer in the log (repeats included). */
  records: number;
  /** Distinct sequences. */
  unique: number;
  /** Repeats dropped by sequence (at or below the partition's watermark). */
  duplicates: number;
  /** Sequences of 0..expected-1 never seen. */
  missing: number[];
  /** Records whose sequence is above the watermark yet lower than one seen in another position: would be dropped wrongly. */
  outOfOrder: number;
  /** First-seen sequences per partition, in offset order. */
  perPartition: Map<number, number[]>;
}

/**
 * Reads a whole topic `read_committed` and deduplicates one writer's records
 * the way the reader does: per partition, a record whose sequence is at or
 * below the highest seen is a repeat. Stands in for the reader package's
 * verify until it exists.
 */
export async function readBack(client: KafkaClient, topic: string, writerId: string, expected: number): Promise<ReadBack> {
  const ends = await settledEnds(client, topic);
  const ranges = ends.map((e) => ({ topic, partition: e.partition, from: e.low, to: e.high }));
  const watermark = new Map<number, number>();
  const seen = new Set<number>();
  const perPartition = new Map<number, number[]>();
  let records = 0;
  let duplicates = 0;
  let outOfOrder = 0;
  for await (const record of client.readRanges(ranges, { isolationLevel: 'read_committed', timeoutMs: 120_000 })) {
    const stamp = decodeWriterHeaders(record.headers);
    if (stamp === null || stamp.writerId !== writerId) continue;
    records += 1;
    const high = watermark.get(record.partition) ?? -1;
    if (stamp.sequence <= high) {
      duplicates += 1;
      // A repeat of something never delivered would be a loss caused by ordering.
      if (!seen.has(stamp.sequence)) outOfOrder += 1;
      continue;
    }
    watermark.set(record.partition, stamp.sequence);
    if (seen.has(stamp.sequence)) {
      outOfOrder += 1; // same sequence in two partitions
      continue;
    }
    seen.add(stamp.sequence);
    const list = perPartition.get(record.partition) ?? [];
    list.push(stamp.sequence);
    perPartition.set(record.partition, list);
  }
  const missing: number[] = [];
  for (let s = 0; s < expected; s++) if (!seen.has(s)) missing.push(s);
  return { records, unique: seen.size, duplicates, missing, outOfOrder, perPartition };
}

/**
 * End offsets once they stop moving. Commit markers are written shortly after
 * a commit returns, and kafkajs reports the last stable offset, so offsets
 * read right after a writer closed can be a little behind.
 */
export async function settledEnds(client: KafkaClient, topic: string): Promise<PartitionOffsets[]> {
  const admin = client.admin();
  await admin.connect();
  try {
    let last = JSON.stringify(await admin.partitionOffsets(topic));
    for (;;) {
      await new Promise((r) => setTimeout(r, 300));
      const now = await admin.partitionOffsets(topic);
      if (JSON.stringify(now) === last) return now;
      last = JSON.stringify(now);
    }
  } finally {
    await admin.disconnect();
  }
}

/**
 * Everything a plain read_committed group consumer receives from `topic`
 * until `idleMs` pass without a new record (and at least `expected` came).
 */
export async function consumeCommitted(client: KafkaClient, topic: string, expected: number, idleMs = 3000): Promise<ConsumedRecord[]> {
  const consumer = client.consumer({ groupId: `read-back-${randomUUID()}`, isolationLevel: 'read_committed', fromBeginning: true });
  const records: ConsumedRecord[] = [];
  let lastAt = Date.now();
  let failure: Error | undefined;
  await consumer.connect();
  await consumer.subscribe([topic]);
  await consumer.run({
    eachBatch: async (batch) => {
      records.push(...batch.records);
      lastAt = Date.now();
    },
    onError: (err) => {
      failure = err;
    },
  });
  const deadline = Date.now() + 120_000;
  while (failure === undefined && Date.now() < deadline && (records.length < expected || Date.now() - lastAt < idleMs)) {
    await new Promise((r) => setTimeout(r, 200));
  }
  await consumer.disconnect();
  if (failure !== undefined) throw failure;
  return records;
}
