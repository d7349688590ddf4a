import { EoskitError, type EosAdmin, type KafkaClient, type OutgoingRecord } from '@eoskit/core';
import { decodeCheckpoint, encodeCheckpoint, type WriterCheckpoint } from './checkpoint-codec.js';

/** Default name of the compacted topic holding writer checkpoints. */
export const DEFAULT_CHECKPOINT_TOPIC = 'eoskit-writer-checkpoints';

/**
 * Creates the checkpoint topic when missing: compacted (only the latest
 * checkpoint per writer id matters), one partition, replicated like data
 * (RF min(3, brokers), min.insync.replicas 2 when RF is 3). Short segments
 * keep the uncompacted tail, which recovery reads, small.
 */
export async function ensureCheckpointTopic(admin: EosAdmin, topic: string): Promise<void> {
  const brokers = (await admin.brokers()).length;
  const replicationFactor = Math.max(1, Math.min(3, brokers));
  await admin.createTopics([
    {
      topic,
      numPartitions: 1,
      replicationFactor,
      configs: {
        'cleanup.policy': 'compact',
        'min.insync.replicas': replicationFactor >= 3 ? '2' : '1',
        'segment.ms': '600000',
        'min.cleanable.dirty.ratio': '0.1',
      },
    },
  ]);
}

/** The checkpoint record for `writerId` (key = writer id, JSON value). */
export function checkpointRecord(topic: string, checkpoint: WriterCheckpoint): OutgoingRecord {
  return { topic, key: Buffer.from(checkpoint.writerId, 'utf8'), value: encodeCheckpoint(checkpoint) };
}

/**
 * The latest committed checkpoint of `writerId`, or null when it has none.
 * Reads the whole (compacted) topic `read_committed`, so checkpoints of
 * aborted transactions never count. A tombstone (null value) deletes it.
 */
export async function readCheckpoint(
  client: KafkaClient,
  admin: EosAdmin,
  topic: string,
  writerId: string,
  timeoutMs: number,
): Promise<WriterCheckpoint | null> {
  const key = Buffer.from(writerId, 'utf8');
  const ranges = (await admin.partitionOffsets(topic))
    .filter((p) => p.high > p.low)
    .map((p) => ({ topic, partition: p.partition, from: p.low, to: p.high }));
  let latest: WriterCheckpoint | null = null;
  for await (const record of client.readRanges(ranges, { isolationLevel: 'read_committed', timeoutMs })) {
    if (record.key === null || !record.key.equals(key)) continue;
    if (record.value === null) {
      latest = null;
      continue;
    }
    const checkpoint = decodeCheckpoint(record.value, `${topic}[${record.partition}]@${record.offset}`);
    if (checkpoint.writerId !== writerId) {
      throw new EoskitError('STATE_INVALID', `checkpoint at ${topic}[${record.partition}]@${record.offset} names writer ${checkpoint.writerId}, keyed ${writerId}`);
    }
    latest = checkpoint;
  }
  return latest;
}
