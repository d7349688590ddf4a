import type { EosProducer, KafkaClient, PartitionRange, TopicPartition } from '@eoskit/core';
import { topicPartitionKey } from '../topic-partition-key.js';

/** A saved dedup state and the offset it reflects (every record before `offset`). */
export interface SavedSnapshot {
  offset: number;
  state: string;
}

/** Options of {@link SnapshotTopicStore}. */
export interface SnapshotTopicStoreOptions {
  client: KafkaClient;
  /** Compacted topic holding snapshots of every group using it. */
  topic: string;
  /** Partitions when the store creates the topic. Default 12. */
  partitions?: number;
}

const DEFAULT_PARTITIONS = 12;
const FIRST_CHUNK = 256;

/**
 * Dedup snapshots in a compacted Kafka topic, one key per (group, topic,
 * partition). Written with a plain idempotent producer, after the offsets
 * they reflect were committed: a snapshot is derived from the log alone, so
 * it is valid whoever wrote it and whenever, and needs no transaction or
 * fencing (a reader replays the records between a snapshot and its
 * committed offset). Each key always goes to the same partition (our hash,
 * not the client's partitioner, which differs between clients).
 */
export class SnapshotTopicStore {
  private readonly client: KafkaClient;
  readonly topic: string;
  private partitions = 0;
  private producer: EosProducer | undefined;

  constructor(options: SnapshotTopicStoreOptions) {
    this.client = options.client;
    this.topic = options.topic;
    this.partitions = options.partitions ?? DEFAULT_PARTITIONS;
  }

  /** Creates the topic when missing and connects the producer. */
  async open(): Promise<void> {
    const admin = this.client.admin();
    await admin.connect();
    try {
      await admin.createTopics([
        {
          topic: this.topic,
          numPartitions: this.partitions,
          configs: { 'cleanup.policy': 'compact', 'min.cleanable.dirty.ratio': '0.1', 'segment.ms': '600000' },
        },
      ]);
      const [description] = await admin.describeTopics([this.topic]);
      this.partitions = description?.partitions.length ?? this.partitions;
    } finally {
      await admin.disconnect();
    }
    this.producer = this.client.producer({ lingerMs: 5 });
    await this.producer.connect();
  }

  /** Saves snapshots; resolves once durable. */
  async save(groupId: string, entries: Array<TopicPartition & SavedSnapshot>): Promise<void> {
    if (this.producer === undefined || entries.length === 0) return;
    await this.producer.send(
      entries.map((e) => {
        const key = snapshotKey(groupId, e);
        return {
          topic: this.topic,
          partition: this.partitionOf(key),
          key: Buffer.from(key),
          value: Buffer.from(JSON.stringify({ offset: e.offset, state: e.state })),
        };
      }),
    );
  }

  /** The newest snapshot of each partition, by `topicPartitionKey`; absent when none was saved. */
  async load(groupId: string, tps: TopicPartition[]): Promise<Map<string, SavedSnapshot>> {
    const found = new Map<string, SavedSnapshot>();
    const wanted = new Map<string, string>(tps.map((tp) => [snapshotKey(groupId, tp), topicPartitionKey(tp)]));
    const admin = this.client.admin();
    await admin.connect();
    let bounds;
    try {
      bounds = await admin.partitionOffsets(this.topic);
    } finally {
      await admin.disconnect();
    }
    // Read each involved snapshot partition backwards in growing chunks until every wanted key is found.
    const cursors = new Map<number, { low: number; to: number; chunk: number }>();
    for (const key of wanted.keys()) {
      const p = this.partitionOf(key);
      const b = bounds.find((x) => x.partition === p);
      if (b !== undefined && b.high > b.low) cursors.set(p, { low: b.low, to: b.high, chunk: FIRST_CHUNK });
    }
    while (cursors.size > 0 && found.size < wanted.size) {
      const ranges: PartitionRange[] = [...cursors].map(([partition, c]) => ({
        topic: this.topic,
        partition,
        from: Math.max(c.low, c.to - c.chunk),
        to: c.to,
      }));
      const newest = new Map<string, SavedSnapshot>();
      for await (const r of this.client.readRanges(ranges, { isolationLevel: 'read_committed' })) {
        const key = r.key?.toString();
        const tpKey = key === undefined ? undefined : wanted.get(key);
        if (tpKey === undefined || found.has(tpKey) || r.value === null) continue;
        const parsed = parseSnapshot(r.value);
        if (parsed !== null) newest.set(tpKey, parsed); // later records overwrite: the newest in the chunk wins
      }
      for (const [k, v] of newest) found.set(k, v);
      for (const range of ranges) {
        const c = cursors.get(range.partition)!;
        if (range.from <= c.low || this.keysOf(range.partition, wanted).every((k) => found.has(k))) cursors.delete(range.partition);
        else {
          c.to = range.from;
          c.chunk *= 2;
        }
      }
    }
    return found;
  }

  async close(): Promise<void> {
    const p = this.producer;
    this.producer = undefined;
    await p?.disconnect();
  }

  private partitionOf(key: string): number {
    return fnv1a(key) % this.partitions;
  }

  private keysOf(partition: number, wanted: Map<string, string>): string[] {
    return [...wanted].filter(([key]) => this.partitionOf(key) === partition).map(([, tpKey]) => tpKey);
  }
}

function snapshotKey(groupId: string, tp: TopicPartition): string {
  return JSON.stringify([groupId, tp.topic, tp.partition]);
}

function parseSnapshot(value: Buffer): SavedSnapshot | null {
  try {
    const v = JSON.parse(value.toString()) as { offset?: unknown; state?: unknown };
    return Number.isSafeInteger(v.offset) && typeof v.state === 'string' ? { offset: v.offset as number, state: v.state } : null;
  } catch {
    return null;
  }
}

// 32-bit FNV-1a over UTF-16 code units: stable, tiny, good enough to spread keys.
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}
