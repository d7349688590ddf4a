import type { ProcessorStateName } from './processor-state.js';

/** Counters of a processor since it was created. */
export interface ProcessorMetrics {
  state: ProcessorStateName;
  /** Input records handed to `process` (duplicates dropped by dedup excluded). */
  consumed: number;
  /** Input records dropped as repeats of an eoskit writer's (writer, sequence). */
  duplicatesDropped: number;
  /** Output records sent, including those of checkpoints that were aborted later. */
  produced: number;
  /** Input records whose offsets are committed (a committed checkpoint's records, duplicates included). */
  committedRecords: number;
  /** Checkpoints committed (with kafkajs, one per input partition and checkpoint). */
  checkpoints: number;
  /** Checkpoints aborted, on purpose (abortRatio) or after a failure; their records are processed again. */
  aborted: number;
  /** Producers recreated after a failure (each fences any zombie of its transactional id). */
  recoveries: number;
  /** Batches dropped because the consumer fetched them before a seek back (a rewind, a start or a reload); read again from there. */
  staleBatches: number;
  /** Partitions whose state was rebuilt from the changelog. */
  restores: number;
  /** Assignments received from the group. */
  rebalances: number;
  /** Partitions owned now. */
  assigned: number;
  /** Owned partitions not processing yet (being fenced and restored, or recovering). */
  notReady: number;
  /** Records processed in the open checkpoint (not committed yet). */
  uncommitted: number;
  /** When the last checkpoint committed (ms since the epoch), 0 if none. */
  lastCommitAt: number;
}

export type Counter = Exclude<keyof ProcessorMetrics, 'state' | 'assigned' | 'notReady' | 'uncommitted' | 'lastCommitAt'>;

/** Mutable counters behind {@link ProcessorMetrics}. */
export class MetricsRecorder {
  private readonly counts: Record<Counter, number> = {
    consumed: 0,
    duplicatesDropped: 0,
    produced: 0,
    committedRecords: 0,
    checkpoints: 0,
    aborted: 0,
    recoveries: 0,
    staleBatches: 0,
    restores: 0,
    rebalances: 0,
  };
  lastCommitAt = 0;

  add(counter: Counter, n = 1): void {
    this.counts[counter] += n;
  }

  snapshot(live: Pick<ProcessorMetrics, 'state' | 'assigned' | 'notReady' | 'uncommitted'>): ProcessorMetrics {
    return { ...this.counts, ...live, lastCommitAt: this.lastCommitAt };
  }
}
