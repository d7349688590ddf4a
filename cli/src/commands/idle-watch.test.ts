import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { NO_ASSIGNMENT_GRACE_MS, watchIdle, type IdleSample } from './idle-watch.js';

describe('cli > idle watch', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  const settledAfter = (watch: { reached: Promise<void> }): (() => boolean) => {
    let done = false;
    void watch.reached.then(() => (done = true));
    return () => done;
  };

  it('ends idleMs after the last activity once assigned, not while work is unsettled', async () => {
    const s: IdleSample = { activity: 0, assigned: true, settled: true };
    const watch = watchIdle(() => s, 1000);
    const done = settledAfter(watch);
    await vi.advanceTimersByTimeAsync(600);
    s.activity = 5; // something happened: the clock restarts
    await vi.advanceTimersByTimeAsync(900);
    expect(done()).toBe(false);
    s.settled = false; // an open checkpoint holds it
    await vi.advanceTimersByTimeAsync(2000);
    expect(done()).toBe(false);
    s.settled = true;
    await vi.advanceTimersByTimeAsync(1200);
    expect(done()).toBe(true);
  });

  it('without any assignment waits the grace period, and cancel stops the watch', async () => {
    const s: IdleSample = { activity: 0, assigned: false, settled: true };
    const done = settledAfter(watchIdle(() => s, 1000));
    await vi.advanceTimersByTimeAsync(NO_ASSIGNMENT_GRACE_MS - 500);
    expect(done()).toBe(false);
    await vi.advanceTimersByTimeAsync(1000);
    expect(done()).toBe(true);

    const cancelled = watchIdle(() => s, 1000);
    cancelled.cancel();
    expect(vi.getTimerCount()).toBe(0);
  });
});
