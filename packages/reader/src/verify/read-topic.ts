import type { ConsumedRecord, KafkaClient } from '@eoskit/core';

/**
 * Reads every partition of `topic` from its log start to its end as of the
 * call, read_committed by default (aborted records never appear). Records
 * come grouped by partition in offset order.
 */
export async function readTopic(
  client: KafkaClient,
  topic: string,
  options: { isolationLevel?: 'read_committed' | 'read_uncommitted' } = {},
): Promise<ConsumedRecord[]> {
  const admin = client.admin();
  await admin.connect();
  let bounds;
  try {
    bounds = await admin.partitionOffsets(topic);
  } finally {
    await admin.disconnect();
  }
  const ranges = bounds.filter((b) => b.high > b.low).map((b) => ({ topic, partition: b.partition, from: b.low, to: b.high }));
  const out: ConsumedRecord[] = [];
  if (ranges.length === 0) return out;
  for await (const r of client.readRanges(ranges, { isolationLevel: options.isolationLevel ?? 'read_committed' })) out.push(r);
  return out;
}
