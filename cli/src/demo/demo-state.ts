import type { ClientKind } from '@eoskit/core';
import { PIPELINES, type DemoSummary, type PipelineId } from './demo-types.js';

/** Where the demo is. */
export type DemoPhase = 'cluster' | 'running' | 'reading' | 'done' | 'failed';

/** Faults the demo injects (the same in both pipelines). */
export type FaultKind = 'writer-kill' | 'writer-restart' | 'processor-kill' | 'processor-restart' | 'broker-kill' | 'broker-restart';

/** Live progress of one pipeline. */
export interface PipelineProgress {
  /** Events the writer has had acknowledged (0..N). */
  written: number;
  /** Input records the processor committed (summed over its processes). */
  processed: number;
  writerDone: boolean;
  processorDone: boolean;
  writerKills: number;
  processorKills: number;
}

/** One line of the event log. */
export interface DemoLogEntry {
  atMs: number;
  text: string;
}

/** Everything the views show. */
export interface DemoState {
  records: number;
  client: ClientKind;
  nodes: number;
  phase: DemoPhase;
  elapsedMs: number;
  bootstrap?: string;
  brokerDown: boolean;
  pipelines: Record<PipelineId, PipelineProgress>;
  log: DemoLogEntry[];
  summary?: DemoSummary;
  error?: string;
}

/** What happens during a demo run; `atMs` counts from the demo's start. */
export type DemoAction =
  | { type: 'tick'; atMs: number }
  | { type: 'phase'; phase: 'running' | 'reading'; atMs: number }
  | { type: 'cluster-ready'; bootstrap: string; atMs: number }
  | { type: 'written'; pipeline: PipelineId; count: number; atMs: number }
  | { type: 'processed'; pipeline: PipelineId; count: number; atMs: number }
  | { type: 'writer-done' | 'processor-done'; pipeline: PipelineId; atMs: number }
  | { type: 'fault'; fault: FaultKind; pipeline?: PipelineId; node?: number; at?: number; atMs: number }
  | { type: 'note'; text: string; atMs: number }
  | { type: 'summary'; summary: DemoSummary; atMs: number }
  | { type: 'failed'; message: string; atMs: number };

/** Event log entries kept (the views show the last few). */
const LOG_LIMIT = 50;

/** State before anything ran. */
export function initialDemoState(options: { records: number; client: ClientKind; nodes: number }): DemoState {
  const pipeline = (): PipelineProgress => ({ written: 0, processed: 0, writerDone: false, processorDone: false, writerKills: 0, processorKills: 0 });
  return {
    ...options,
    phase: 'cluster',
    elapsedMs: 0,
    brokerDown: false,
    pipelines: Object.fromEntries(PIPELINES.map((p) => [p, pipeline()])) as Record<PipelineId, PipelineProgress>,
    log: [],
  };
}

/** Applies one action; returns a new state (the input is not changed). */
export function demoReducer(state: DemoState, action: DemoAction): DemoState {
  const next: DemoState = { ...state, elapsedMs: Math.max(state.elapsedMs, action.atMs) };
  const text = actionText(action, state);
  if (text !== undefined) next.log = [...state.log, { atMs: action.atMs, text }].slice(-LOG_LIMIT);
  const update = (p: PipelineId, patch: Partial<PipelineProgress>): void => {
    next.pipelines = { ...next.pipelines, [p]: { ...next.pipelines[p], ...patch } };
  };
  switch (action.type) {
    case 'phase':
      next.phase = action.phase;
      break;
    case 'cluster-ready':
      next.bootstrap = action.bootstrap;
      break;
    case 'written':
      update(action.pipeline, { written: Math.max(state.pipelines[action.pipeline].written, action.count) });
      break;
    case 'processed':
      update(action.pipeline, { processed: action.count });
      break;
    case 'writer-done':
      update(action.pipeline, { writerDone: true, written: state.records });
      break;
    case 'processor-done':
      update(action.pipeline, { processorDone: true });
      break;
    case 'fault':
      if (action.fault === 'broker-kill') next.brokerDown = true;
      if (action.fault === 'broker-restart') next.brokerDown = false;
      if (action.pipeline !== undefined && action.fault === 'writer-kill') update(action.pipeline, { writerKills: state.pipelines[action.pipeline].writerKills + 1 });
      if (action.pipeline !== undefined && action.fault === 'processor-kill') update(action.pipeline, { processorKills: state.pipelines[action.pipeline].processorKills + 1 });
      break;
    case 'summary':
      next.summary = action.summary;
      next.phase = 'done';
      break;
    case 'failed':
      next.error = action.message;
      next.phase = 'failed';
      break;
    default:
      break;
  }
  return next;
}

/** The log line an action adds, if any (plain output prints the same lines). */
export function actionText(action: DemoAction, state: DemoState): string | undefined {
  const label = (p: PipelineId | undefined): string => (p === 'eos' ? 'exactly-once' : 'at-least-once');
  switch (action.type) {
    case 'cluster-ready':
      return `Kafka cluster ready: ${state.nodes} node(s) at ${action.bootstrap}`;
    case 'phase':
      return action.phase === 'running'
        ? `running both pipelines: writer -> processor -> reader, ${state.records} events each`
        : 'both pipelines drained; the final readers read the output topics';
    case 'writer-done':
      return `${label(action.pipeline)}: writer done, all ${state.records} events acknowledged`;
    case 'processor-done':
      return `${label(action.pipeline)}: processor committed the whole input and stopped`;
    case 'fault':
      return faultText(action, label(action.pipeline));
    case 'note':
      return action.text;
    case 'failed':
      return `failed: ${action.message}`;
    default:
      return undefined;
  }
}

function faultText(action: Extract<DemoAction, { type: 'fault' }>, label: string): string {
  const at = action.at === undefined ? '' : ` at ${action.at}`;
  switch (action.fault) {
    case 'writer-kill':
      return `fault: SIGKILL ${label} writer${at}`;
    case 'writer-restart':
      return `${label} writer restarted (resumes from its last durable point)`;
    case 'processor-kill':
      return `fault: SIGKILL ${label} processor${at}`;
    case 'processor-restart':
      return `${label} processor restarted`;
    case 'broker-kill':
      return `fault: SIGKILL broker ${action.node ?? '?'}${at}`;
    case 'broker-restart':
      return `broker ${action.node ?? '?'} restarted`;
  }
}
