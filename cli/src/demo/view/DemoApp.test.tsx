import { render } from 'ink-testing-library';
import { describe, expect, it } from 'vitest';
import { demoReducer, initialDemoState, type DemoAction, type DemoState } from '../demo-state.js';
import type { DemoSummary, PipelineResult } from '../demo-types.js';
import DemoApp from './DemoApp.js';

const result = (pipeline: 'eos' | 'alo', duplicates: number): PipelineResult => ({
  pipeline, guarantee: pipeline === 'eos' ? 'exactly-once' : 'at-least-once', produced: 1000, inputRecords: 1000 + duplicates,
  processed: 1000 + duplicates, readUnique: 1000, duplicates, missing: 0, droppedByReader: 0, unexpected: 0,
  writerKills: 1, processorKills: 1, unplannedRestarts: 0, exact: duplicates === 0,
});
const summary = (eosDuplicates: number): DemoSummary => ({
  records: 1000, client: 'kafkajs', nodes: 3, bootstrap: '127.0.0.1:1', faults: true, brokerBounces: 1, elapsedMs: 42_000,
  pipelines: { eos: result('eos', eosDuplicates), alo: result('alo', 37) }, exact: eosDuplicates === 0,
});
const state = (actions: DemoAction[]): DemoState => actions.reduce(demoReducer, initialDemoState({ records: 1000, client: 'kafkajs', nodes: 3 }));
const frame = (s: DemoState, width = 100): string => render(<DemoApp state={s} width={width} />).lastFrame() ?? '';

describe('demo > view', () => {
  it('shows both pipelines with bars, the broker state and the fault log while running', () => {
    const out = frame(
      state([
        { type: 'phase', phase: 'running', atMs: 1000 },
        { type: 'written', pipeline: 'eos', count: 500, atMs: 2000 },
        { type: 'processed', pipeline: 'eos', count: 250, atMs: 2000 },
        { type: 'fault', fault: 'writer-kill', pipeline: 'eos', at: 300, atMs: 2500 },
        { type: 'fault', fault: 'broker-kill', node: 2, at: 600, atMs: 3000 },
      ]),
    );
    expect(out).toContain('eoskit demo · 1000 events · kafkajs · 3-node cluster · 3.0 s\nrunning, with faults · a broker is down');
    expect(out).toMatch(/exactly-once\n\s+written\s+█+░+\s+500\/1000\s+writer killed 1x/);
    expect(out).toMatch(/processed\s+█+░+\s+250\n/);
    expect(out).toContain('[   2.5s] fault: SIGKILL exactly-once writer at 300');
    expect(out).toContain('[   3.0s] fault: SIGKILL broker 2 at 600');
    expect(out).not.toContain('PROOF');
  });

  it('ends with the proof table and the exactly-once verdict', () => {
    const out = frame(state([{ type: 'summary', summary: summary(0), atMs: 42_000 }]));
    expect(out).toMatch(/exactly-once\s+1000\s+1000\s+1000\s+1000\s+0\s+0\s+exact/);
    expect(out).toMatch(/at-least-once\s+1000\s+1037\s+1037\s+1000\s+37\s+0\s+37 duplicates/);
    expect(out).toContain('PROOF: exactly-once delivered all 1000 events once (0 duplicates, 0 missing).');
  });

  it('leaves the per-row verdict out below 100 columns, so no line wraps at 80', () => {
    const out = frame(state([{ type: 'summary', summary: summary(0), atMs: 42_000 }]), 80);
    expect(out).toMatch(/at-least-once\s+1000\s+1037\s+1037\s+1000\s+37\s+0\n/);
    for (const line of out.split('\n')) expect(line.length).toBeLessThanOrEqual(80);
  });

  it('says so when the exactly-once pipeline is not exact, and shows a failure', () => {
    expect(frame(state([{ type: 'summary', summary: summary(3), atMs: 1 }]))).toContain('NOT EXACT: exactly-once has 3 duplicates and 0 missing events.');
    expect(frame(state([{ type: 'failed', message: 'no Java', atMs: 1 }]))).toContain('eoskit demo: no Java');
  });
});
