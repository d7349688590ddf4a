import { PIPELINES, PIPELINE_LABEL, type DemoSummary, type PipelineResult } from './demo-types.js';
import type { DemoState } from './demo-state.js';

/** `[  12.3s]`: time since the demo started. */
export function stamp(atMs: number): string {
  return `[${(atMs / 1000).toFixed(1).padStart(6)}s]`;
}

/** One progress line for both pipelines (plain output prints it every few seconds). */
export function progressLine(state: DemoState): string {
  const part = (p: 'eos' | 'alo'): string => {
    const s = state.pipelines[p];
    return `${PIPELINE_LABEL[p]}: written ${s.written}/${state.records}, processed ${s.processed}`;
  };
  return `${part('eos')} | ${part('alo')}${state.brokerDown ? ' | a broker is down' : ''}`;
}

const COLUMNS = ['produced', 'in input', 'processed', 'read unique', 'duplicates', 'missing'] as const;

/**
 * The proof table: one row per pipeline, then the notes and the verdict.
 * Without `verdicts` the rows end after `missing` (80 columns; Ink on a narrow terminal).
 */
export function proofLines(summary: DemoSummary, options: { verdicts?: boolean } = {}): string[] {
  // Each column is as wide as its title plus two spaces: the table fits 80 columns, the verdict 100.
  const widths = COLUMNS.map((c) => c.length + 2);
  const head = ''.padEnd(14) + COLUMNS.map((c, i) => c.padStart(widths[i]!)).join('');
  const row = (r: PipelineResult): string =>
    PIPELINE_LABEL[r.pipeline].padEnd(14) +
    [r.produced, r.inputRecords, r.processed, r.readUnique, r.duplicates, r.missing].map((n, i) => String(n).padStart(widths[i]!)).join('') +
    (options.verdicts === false ? '' : `   ${verdict(r)}`);
  const eos = summary.pipelines.eos;
  const faults = summary.faults
    ? `${eos.writerKills} writer + ${eos.processorKills} processor SIGKILL per pipeline, ${summary.brokerBounces === 0 ? 'no' : summary.brokerBounces} broker bounce`
    : 'none (--no-faults)';
  return [
    head,
    ...PIPELINES.map((p) => row(summary.pipelines[p])),
    '',
    `faults: ${faults}; ${(summary.elapsedMs / 1000).toFixed(1)} s`,
    ...notes(summary),
    summary.exact
      ? `PROOF: exactly-once delivered all ${summary.records} events once (0 duplicates, 0 missing).`
      : `NOT EXACT: exactly-once has ${eos.duplicates} duplicates and ${eos.missing} missing events.`,
  ];
}

function verdict(r: PipelineResult): string {
  if (r.exact) return 'exact';
  const parts = [r.duplicates > 0 ? `${r.duplicates} duplicates` : '', r.missing > 0 ? `${r.missing} missing` : ''].filter((s) => s !== '');
  return parts.join(', ') || `${r.unexpected} unexpected`;
}

function notes(summary: DemoSummary): string[] {
  const eos = summary.pipelines.eos;
  const out: string[] = [];
  const repeats = eos.inputRecords - eos.produced;
  if (repeats > 0) {
    out.push(`exactly-once: ${repeats} writer repeat(s) in the input, dropped by writer id + sequence.`);
  }
  if (eos.droppedByReader > 0) out.push(`exactly-once: the reader dropped ${eos.droppedByReader} repeat(s) by sequence.`);
  const alo = summary.pipelines.alo;
  if (alo.duplicates > 0) out.push('at-least-once: re-sent and re-processed records reach the app twice.');
  return out;
}
