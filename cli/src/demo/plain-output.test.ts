import { describe, expect, it } from 'vitest';
import { createDemoStore } from './demo-store.js';
import { plainOutput } from './plain-output.js';

describe('demo > plain output', () => {
  it('prints each logged action with its time and a progress line at most every two seconds while running', () => {
    const lines: string[] = [];
    const store = createDemoStore({ records: 100, client: 'kafkajs', nodes: 1 }, plainOutput((l) => lines.push(l)));
    store.dispatch({ type: 'tick', atMs: 500 });
    store.dispatch({ type: 'cluster-ready', bootstrap: '127.0.0.1:9092', atMs: 3000 });
    store.dispatch({ type: 'phase', phase: 'running', atMs: 3100 });
    store.dispatch({ type: 'written', pipeline: 'eos', count: 40, atMs: 3200 });
    store.dispatch({ type: 'tick', atMs: 3250 });
    store.dispatch({ type: 'tick', atMs: 4000 });
    store.dispatch({ type: 'fault', fault: 'processor-kill', pipeline: 'alo', at: 12, atMs: 4100 });
    store.dispatch({ type: 'tick', atMs: 5300 });
    expect(lines).toEqual([
      '[   3.0s] Kafka cluster ready: 1 node(s) at 127.0.0.1:9092',
      '[   3.1s] running both pipelines: writer -> processor -> reader, 100 events each',
      '[   3.3s] exactly-once: written 40/100, processed 0 | at-least-once: written 0/100, processed 0',
      '[   4.1s] fault: SIGKILL at-least-once processor at 12',
      '[   5.3s] exactly-once: written 40/100, processed 0 | at-least-once: written 0/100, processed 0',
    ]);
    expect(store.get().pipelines.alo.processorKills).toBe(1);
  });
});
