import type { EosConsumer, KafkaClient } from '@eoskit/core';
import type { AbortSchedule } from './abort-schedule.js';
import type { DedupStrategy } from '@eoskit/reader';
import type { PartitionTask, CommittedPartition } from './partition-task.js';
import type { MetricsRecorder } from './processor-metrics.js';
import type { ProcessorLogger, ProcessorOptions } from './processor-types.js';
import type { RestoreSources } from './restore-partitions.js';
import type { ScopeSet } from './scope-set.js';
import type { SerialLock } from './serial-lock.js';
import type { ResolvedOptions } from './validate-options.js';

/**
 * Everything the processing steps (batches, checkpoints, recovery,
 * rebalances) share. One per running processor; every step that touches
 * tasks or scopes runs inside `lock`.
 */
export interface Runtime {
  readonly options: ProcessorOptions;
  readonly resolved: ResolvedOptions;
  readonly client: KafkaClient;
  readonly consumer: EosConsumer;
  readonly scopes: ScopeSet;
  /** Owned partitions by topicPartitionKey. */
  readonly tasks: Map<string, PartitionTask>;
  /** Committed state of partitions revoked from this process, reused if they come back unchanged. */
  readonly cache: Map<string, CommittedPartition>;
  /** Dedup of input records (null: off). */
  readonly strategy: DedupStrategy | null;
  readonly metrics: MetricsRecorder;
  readonly lock: SerialLock;
  readonly log: ProcessorLogger;
  readonly restore: RestoreSources;
  /** Which checkpoints are aborted on purpose (`abortRatio`). */
  readonly abortSchedule: AbortSchedule;
  /** Delay before a fenced producer is recreated: time for a zombie to learn it lost the partition. */
  readonly fencedDelayMs: number;
  /** Fencings since the last committed checkpoint (per-process ids: more than a few means a duplicate instanceId). */
  fencings: number;
  /** Whether batches may be processed (running, not stopping or failed). */
  running(): boolean;
  /** Stops the processor with a fatal error. */
  fail(err: unknown): void;
  /** Runs `work` inside the lock after `delayMs`, unless the processor stopped meanwhile. */
  schedule(delayMs: number, work: () => Promise<void>): void;
  /** Makes sure a timer takes the open checkpoint once its interval is over. */
  armCheckpointTimer(): void;
}
