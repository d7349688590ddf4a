import type { ClientKind } from '@eoskit/core';

/** The two pipelines the demo runs side by side. */
export type PipelineId = 'eos' | 'alo';

/** Both pipelines, exactly-once first. */
export const PIPELINES: readonly PipelineId[] = ['eos', 'alo'];

/** Human name of a pipeline. */
export const PIPELINE_LABEL: Record<PipelineId, string> = { eos: 'exactly-once', alo: 'at-least-once' };

/** What the final reader found in one pipeline's output topic. */
export interface OutputTally {
  /** Records the final reader was handed by Kafka (read_committed for eos, read_uncommitted for alo). */
  processed: number;
  /** Distinct events 0..N-1 the application received. */
  readUnique: number;
  /** Deliveries to the application beyond the first of an event (after the reader's dedup). */
  duplicates: number;
  /** Events 0..N-1 never delivered. */
  missing: number;
  /** Repeats the reader's sequence dedup dropped before the application saw them. */
  droppedByReader: number;
  /** Records that are not demo events of this run (should be 0). */
  unexpected: number;
}

/** The proof for one pipeline. */
export interface PipelineResult extends OutputTally {
  pipeline: PipelineId;
  guarantee: 'exactly-once' | 'at-least-once';
  /** Events the source handed to its writer (0..N-1), all acknowledged at the end. */
  produced: number;
  /** Records in the input topic (the writer's repeats after its crash included). */
  inputRecords: number;
  writerKills: number;
  processorKills: number;
  /** Child processes that exited on their own with an error and were restarted. */
  unplannedRestarts: number;
  /** Exactly N unique events, no duplicate, nothing missing. */
  exact: boolean;
}

/** Final result of `eoskit demo` (`--json` prints it as one line). */
export interface DemoSummary {
  records: number;
  client: ClientKind;
  nodes: number;
  /** The cluster the run used (stopped by now). */
  bootstrap: string;
  faults: boolean;
  brokerBounces: number;
  elapsedMs: number;
  pipelines: Record<PipelineId, PipelineResult>;
  /** The exactly-once pipeline delivered every event once: the demo's exit code is 0 only then. */
  exact: boolean;
}
