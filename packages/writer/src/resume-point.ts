import type { WriterCheckpoint } from './checkpoint-codec.js';
import { partitionKey, type DurableRecord, type PartitionState, type RecoveredState } from './durable-log-state.js';

/** A partition of the writer's topics and its end offset when recovery read it. */
export interface PartitionEnd {
  topic: string;
  partition: number;
  /** High watermark when recovery started scanning. */
  high: number;
}

/**
 * Where a writer stands after a restart, from its last checkpoint and the
 * records of this writer found after it.
 *
 * Why it is exact: within one producer session, Kafka's idempotent producer
 * keeps each partition's records in order and without gaps, and the writer
 * sends them in sequence order and re-sends after a failure before anything
 * newer. So in every partition this writer's durable records are a prefix of
 * what it sent there: a record of partition p with sequence s is durable iff
 * it was found, or s <= the highest durable sequence in p.
 *
 * `base` (every record <= base is durable) is the largest of three safe bounds:
 * - the checkpoint's `overall` (it was exact when written);
 * - the contiguous run: every integer after it found durable (dense sequences);
 * - the lowest "highest durable sequence" over all partitions: a lost record
 *   at or below it would contradict its partition's prefix (sparse sequences).
 * The maximum of "max durable sequence" would NOT be safe: seq 10 to p0 lost
 * and seq 11 to p1 durable would resume at 12 and lose 10.
 */
export function resumePoint(
  checkpoint: WriterCheckpoint | null,
  found: DurableRecord[],
  ends: PartitionEnd[],
): RecoveredState {
  const fromCheckpoint = new Map((checkpoint?.partitions ?? []).map((p) => [partitionKey(p.topic, p.partition), p]));
  const states = new Map<string, PartitionState>();
  for (const end of ends) {
    const key = partitionKey(end.topic, end.partition);
    const saved = fromCheckpoint.get(key);
    states.set(key, {
      topic: end.topic,
      partition: end.partition,
      lastSeq: saved?.sequence ?? -1,
      lastOffset: saved?.offset ?? -1,
      next: end.high,
    });
  }
  const checkpointOverall = checkpoint?.overall ?? -1;
  const bySeq = new Map<number, DurableRecord>();
  for (const record of found) {
    const state = states.get(partitionKey(record.topic, record.partition));
    if (state === undefined) continue;
    if (record.sequence > state.lastSeq) {
      state.lastSeq = record.sequence;
      state.lastOffset = record.offset;
    }
    // The first copy is the one readers keep; a later one is a repeat.
    if (record.sequence > checkpointOverall && !bySeq.has(record.sequence)) bySeq.set(record.sequence, record);
  }

  let contiguous = checkpointOverall;
  while (bySeq.has(contiguous + 1)) contiguous += 1;
  let lowestMax = Number.POSITIVE_INFINITY;
  for (const state of states.values()) lowestMax = Math.min(lowestMax, state.lastSeq);
  if (states.size === 0) lowestMax = -1;
  const base = Math.max(checkpointOverall, contiguous, lowestMax);

  const recovered = [...bySeq.values()].filter((r) => r.sequence > base).sort((a, b) => a.sequence - b.sequence);
  return { base, recovered, partitions: [...states.values()] };
}
