import { PIPELINES, type PipelineId } from './demo-types.js';
import type { DemoState } from './demo-state.js';

/** A fault to inject now. */
export type PlannedFault = { kind: 'writer-kill'; pipeline: PipelineId } | { kind: 'processor-kill'; pipeline: PipelineId } | { kind: 'broker-kill' };

/**
 * Share of the events after which each fault fires. Progress-based rather
 * than timed, so each fault lands mid-stream however fast the machine is:
 * the writer dies with acknowledged-but-unrecorded work, the processor with
 * an open checkpoint, the broker while both pipelines write and process.
 */
export const FAULT_AT = { writerKill: 0.3, processorKill: 0.4, brokerKill: 0.6 } as const;

/** Stable name of a fault, for the set of faults already fired. */
export function faultKey(fault: PlannedFault): string {
  return fault.kind === 'broker-kill' ? fault.kind : `${fault.kind}:${fault.pipeline}`;
}

/** The faults due in `state` that have not fired yet (none once the run is past `running`). */
export function dueFaults(state: DemoState, fired: ReadonlySet<string>): PlannedFault[] {
  if (state.phase !== 'running') return [];
  const due: PlannedFault[] = [];
  const n = state.records;
  for (const pipeline of PIPELINES) {
    const p = state.pipelines[pipeline];
    if (!p.writerDone && p.written >= FAULT_AT.writerKill * n) due.push({ kind: 'writer-kill', pipeline });
    if (!p.processorDone && p.processed >= FAULT_AT.processorKill * n) due.push({ kind: 'processor-kill', pipeline });
  }
  // With one node a broker restart is a full outage, not a failover: no bounce (see the README).
  const bounce = state.nodes >= 3 && !state.brokerDown;
  if (bounce && PIPELINES.every((p) => state.pipelines[p].written >= FAULT_AT.brokerKill * n)) due.push({ kind: 'broker-kill' });
  return due.filter((f) => !fired.has(faultKey(f)));
}
