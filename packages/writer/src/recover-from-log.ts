import { EoskitError, type EosAdmin, type KafkaClient, type PartitionOffsets, type PartitionRange } from '@eoskit/core';
import type { CheckpointPartition, WriterCheckpoint } from './checkpoint-codec.js';
import { readCheckpoint } from './checkpoint-store.js';
import { partitionKey, type DurableRecord, type RecoveredState } from './durable-log-state.js';
import { resumePoint, type PartitionEnd } from './resume-point.js';
import { scanWriterRecords } from './scan-writer-records.js';

/** How recovery reaches Kafka. */
export interface LogAccess {
  client: KafkaClient;
  admin: EosAdmin;
  writerId: string;
  topics: string[];
  checkpointTopic: string;
  /** Bound on each read (an open transaction of another producer can hold read_committed reads back). */
  readTimeoutMs: number;
}

interface PartitionBounds extends PartitionEnd {
  low: number;
}

/**
 * Startup recovery: the last committed checkpoint, then this writer's
 * records after it in every partition of its topics. For transactional
 * writers the producer must be connected first: its init aborts (or
 * completes) the transaction a crashed predecessor left open, so the
 * read_committed scan below sees the final outcome.
 */
export async function recoverAtStart(access: LogAccess): Promise<{ state: RecoveredState; checkpoint: WriterCheckpoint | null }> {
  const checkpoint = await readCheckpoint(
    access.client,
    access.admin,
    access.checkpointTopic,
    access.writerId,
    access.readTimeoutMs,
  );
  const bounds = await partitionBounds(access);
  const found = await scanFrom(access, bounds, checkpoint?.partitions ?? []);
  return { state: resumePoint(checkpoint, found, bounds), checkpoint };
}

/**
 * Recovery inside a running writer: this writer's records at or after the
 * given scan starts (from its own bookkeeping), to learn which in-doubt
 * records made it.
 */
export async function scanSince(access: LogAccess, starts: CheckpointPartition[]): Promise<DurableRecord[]> {
  return scanFrom(access, await partitionBounds(access), starts);
}

async function partitionBounds(access: LogAccess): Promise<PartitionBounds[]> {
  const out: PartitionBounds[] = [];
  for (const topic of access.topics) {
    for (const p of await knownOffsets(access.admin, topic)) out.push({ topic, partition: p.partition, low: p.low, high: p.high });
  }
  return out;
}

/** Offsets of every partition of `topic` (the client waits for offsets of a just-created topic). */
async function knownOffsets(admin: EosAdmin, topic: string): Promise<PartitionOffsets[]> {
  const offsets = await admin.partitionOffsets(topic);
  if (offsets.length === 0) throw new EoskitError('CONFIG_INVALID', `topic ${topic} does not exist; create it before writing`);
  return offsets;
}

// A partition without a scan start (new topic or partition) is read from its
// log start: slower, never wrong. Records deleted by retention cannot be read
// and need not be: they were durable long ago.
async function scanFrom(access: LogAccess, bounds: PartitionBounds[], starts: CheckpointPartition[]): Promise<DurableRecord[]> {
  const startOf = new Map(starts.map((s) => [partitionKey(s.topic, s.partition), s.scanFrom]));
  const ranges: PartitionRange[] = bounds.map((b) => ({
    topic: b.topic,
    partition: b.partition,
    from: Math.max(b.low, startOf.get(partitionKey(b.topic, b.partition)) ?? b.low),
    to: b.high,
  }));
  return scanWriterRecords(access.client, access.writerId, ranges, access.readTimeoutMs);
}
