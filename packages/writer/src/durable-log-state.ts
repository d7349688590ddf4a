import type { CheckpointPartition } from './checkpoint-codec.js';

/** A durable record of this writer found in the log. */
export interface DurableRecord {
  sequence: number;
  topic: string;
  partition: number;
  offset: number;
}

/** What the writer knows about one partition of its topics. */
export interface PartitionState {
  topic: string;
  partition: number;
  /** Highest durable sequence of this writer here; -1 when none. */
  lastSeq: number;
  /** Offset of that record; -1 when none. */
  lastOffset: number;
  /** Any record of this writer not yet known durable lands at this offset or later. */
  next: number;
}

/** The starting point of a writer: the result of recovery. */
export interface RecoveredState {
  /** Every record with a sequence <= base is durable. */
  base: number;
  /** Durable records above `base` (a crash left partitions unevenly far). */
  recovered: DurableRecord[];
  partitions: PartitionState[];
}

/** Key of a topic-partition in maps. */
export function partitionKey(topic: string, partition: number): string {
  return `${partition}@${topic}`;
}

/** Checkpoint entries for partitions, given the lowest offset of a durable record above `overall` in each. */
export function checkpointPartitions(
  partitions: Iterable<PartitionState>,
  lowestAbove: Map<string, number>,
): CheckpointPartition[] {
  const out: CheckpointPartition[] = [];
  for (const p of partitions) {
    const key = partitionKey(p.topic, p.partition);
    out.push({
      topic: p.topic,
      partition: p.partition,
      sequence: p.lastSeq,
      offset: p.lastOffset,
      scanFrom: lowestAbove.get(key) ?? p.next,
    });
  }
  return out;
}
