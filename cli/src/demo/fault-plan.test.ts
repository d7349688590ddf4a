import { describe, expect, it } from 'vitest';
import { demoReducer, initialDemoState, type DemoState } from './demo-state.js';
import { dueFaults } from './fault-plan.js';

const running = (): DemoState => demoReducer(initialDemoState({ records: 1000, client: 'kafkajs', nodes: 3 }), { type: 'phase', phase: 'running', atMs: 1 });

describe('demo > fault plan', () => {
  it('fires nothing before the run or before the thresholds', () => {
    expect(dueFaults(initialDemoState({ records: 1000, client: 'kafkajs', nodes: 3 }), new Set())).toEqual([]);
    let s = running();
    s = demoReducer(s, { type: 'written', pipeline: 'eos', count: 299, atMs: 2 });
    expect(dueFaults(s, new Set())).toEqual([]);
  });

  it('kills each pipeline\'s writer and processor at its own progress, the broker once both wrote 60%', () => {
    let s = running();
    s = demoReducer(s, { type: 'written', pipeline: 'eos', count: 300, atMs: 2 });
    expect(dueFaults(s, new Set())).toEqual([{ kind: 'writer-kill', pipeline: 'eos' }]);
    s = demoReducer(s, { type: 'processed', pipeline: 'alo', count: 400, atMs: 3 });
    s = demoReducer(s, { type: 'written', pipeline: 'alo', count: 650, atMs: 3 });
    s = demoReducer(s, { type: 'written', pipeline: 'eos', count: 600, atMs: 3 });
    expect(dueFaults(s, new Set(['writer-kill:eos']))).toEqual([
      { kind: 'writer-kill', pipeline: 'alo' },
      { kind: 'processor-kill', pipeline: 'alo' },
      { kind: 'broker-kill' },
    ]);
  });

  it('bounces no broker on a 1-node cluster', () => {
    let s = demoReducer(initialDemoState({ records: 1000, client: 'kafkajs', nodes: 1 }), { type: 'phase', phase: 'running', atMs: 1 });
    s = demoReducer(s, { type: 'written', pipeline: 'eos', count: 900, atMs: 2 });
    s = demoReducer(s, { type: 'written', pipeline: 'alo', count: 900, atMs: 2 });
    expect(dueFaults(s, new Set(['writer-kill:eos', 'writer-kill:alo']))).toEqual([]);
  });

  it('skips fired faults, finished processes and a broker that is already down', () => {
    let s = running();
    s = demoReducer(s, { type: 'written', pipeline: 'eos', count: 1000, atMs: 2 });
    s = demoReducer(s, { type: 'writer-done', pipeline: 'eos', atMs: 2 });
    s = demoReducer(s, { type: 'written', pipeline: 'alo', count: 900, atMs: 2 });
    s = demoReducer(s, { type: 'fault', fault: 'broker-kill', node: 2, atMs: 3 });
    expect(dueFaults(s, new Set(['writer-kill:alo']))).toEqual([]);
  });
});
