import { describe, expect, it } from 'vitest';
import { demoReducer, initialDemoState, type DemoAction, type DemoState } from './demo-state.js';
import { progressLine, stamp } from './demo-lines.js';

const start = (): DemoState => initialDemoState({ records: 500, client: 'kafkajs', nodes: 3 });
const run = (actions: DemoAction[]): DemoState => actions.reduce(demoReducer, start());

describe('demo > state', () => {
  it('tracks progress per pipeline and never lets the written count go back', () => {
    const s = run([
      { type: 'cluster-ready', bootstrap: '127.0.0.1:1', atMs: 900 },
      { type: 'phase', phase: 'running', atMs: 1000 },
      { type: 'written', pipeline: 'eos', count: 200, atMs: 1100 },
      { type: 'written', pipeline: 'eos', count: 150, atMs: 1200 },
      { type: 'processed', pipeline: 'alo', count: 80, atMs: 1300 },
    ]);
    expect(s.phase).toBe('running');
    expect(s.bootstrap).toBe('127.0.0.1:1');
    expect(s.elapsedMs).toBe(1300);
    expect(s.pipelines.eos).toMatchObject({ written: 200, processed: 0 });
    expect(s.pipelines.alo).toMatchObject({ written: 0, processed: 80 });
    expect(progressLine(s)).toBe('exactly-once: written 200/500, processed 0 | at-least-once: written 0/500, processed 80');
  });

  it('counts kills, marks the broker down until it is back, and logs each fault', () => {
    const s = run([
      { type: 'phase', phase: 'running', atMs: 1 },
      { type: 'fault', fault: 'writer-kill', pipeline: 'eos', at: 150, atMs: 2 },
      { type: 'fault', fault: 'writer-restart', pipeline: 'eos', atMs: 3 },
      { type: 'fault', fault: 'processor-kill', pipeline: 'alo', at: 200, atMs: 4 },
      { type: 'fault', fault: 'broker-kill', node: 2, atMs: 5 },
    ]);
    expect(s.pipelines.eos.writerKills).toBe(1);
    expect(s.pipelines.alo.processorKills).toBe(1);
    expect(s.brokerDown).toBe(true);
    expect(progressLine(s)).toMatch(/a broker is down$/);
    expect(s.log.map((l) => l.text)).toEqual([
      'running both pipelines: writer -> processor -> reader, 500 events each',
      'fault: SIGKILL exactly-once writer at 150',
      'exactly-once writer restarted (resumes from its last durable point)',
      'fault: SIGKILL at-least-once processor at 200',
      'fault: SIGKILL broker 2',
    ]);
    expect(demoReducer(s, { type: 'fault', fault: 'broker-restart', node: 2, atMs: 6 }).brokerDown).toBe(false);
  });

  it('ends in done with the summary, or failed with the message', () => {
    const failed = run([{ type: 'failed', message: 'boom', atMs: 7 }]);
    expect(failed).toMatchObject({ phase: 'failed', error: 'boom' });
    expect(failed.log.at(-1)?.text).toBe('failed: boom');
    const writerDone = run([{ type: 'writer-done', pipeline: 'alo', atMs: 8 }]);
    expect(writerDone.pipelines.alo).toMatchObject({ writerDone: true, written: 500 });
  });

  it('does not change the state it was given', () => {
    const s = start();
    demoReducer(s, { type: 'written', pipeline: 'eos', count: 5, atMs: 1 });
    expect(s.pipelines.eos.written).toBe(0);
    expect(stamp(12_345)).toBe('[  12.3s]');
  });
});
