import { describe, expect, it } from 'vitest';
import { WriterLifecycle, WriterState, canTransition } from './writer-state.js';

describe('writer > state machine', () => {
  it('follows connect, recover, close', () => {
    const life = new WriterLifecycle();
    expect(life.state).toBe('created');
    expect(life.accepting).toBe(false);
    for (const to of [WriterState.Connecting, WriterState.Ready, WriterState.Recovering, WriterState.Ready]) life.to(to);
    expect(life.accepting).toBe(true);
    life.to(WriterState.Closing);
    life.to(WriterState.Closed);
    expect(life.accepting).toBe(false);
  });

  it.each([
    ['created', 'ready'],
    ['failed', 'ready'],
    ['failed', 'recovering'],
    ['closed', 'connecting'],
    ['closing', 'ready'],
    ['recovering', 'connecting'],
  ] as const)('refuses %s -> %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('lets a failed writer only close', () => {
    const life = new WriterLifecycle();
    life.to(WriterState.Connecting);
    life.to(WriterState.Failed);
    expect(() => life.to(WriterState.Ready)).toThrow(/cannot go from failed to ready/);
    life.to(WriterState.Closing);
    expect(life.state).toBe('closing');
  });
});
