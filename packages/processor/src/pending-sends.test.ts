import type { OutgoingRecord } from '@eoskit/core';
import { describe, expect, it } from 'vitest';
import { PendingSends } from './pending-sends.js';

const rec = (n: number, bytes = 10): OutgoingRecord => ({ topic: 't', key: null, value: Buffer.alloc(bytes, n % 256) });
const tick = () => new Promise((resolve) => setTimeout(resolve, 1));

describe('processor > pending sends', () => {
  it('sends in call order, one send at a time, merging what queued meanwhile', async () => {
    const calls: number[][] = [];
    let inFlight = 0;
    let maxInFlight = 0;
    const sends = new PendingSends(async (records) => {
      inFlight += 1;
      maxInFlight = Math.max(maxInFlight, inFlight);
      calls.push(records.map((r) => r.value![0]!));
      await tick();
      inFlight -= 1;
    });
    sends.add([rec(1)]);
    sends.add([rec(2), rec(3)]);
    sends.add([rec(4)]);
    await sends.settle();
    expect(calls).toEqual([[1], [2, 3, 4]]);
    expect(maxInFlight).toBe(1);
  });

  it('splits large backlogs into sends of at most 512 KB', async () => {
    const sizes: number[] = [];
    const sends = new PendingSends(async (records) => void sizes.push(records.length));
    sends.add(Array.from({ length: 30 }, (_, i) => rec(i, 100 * 1024)));
    await sends.settle();
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(30);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(5);
  });

  it('remembers the first failure, sends nothing after it, and throws it on settle', async () => {
    const sent: number[] = [];
    const sends = new PendingSends(async (records) => {
      await tick();
      if (records[0]!.value![0] === 2) throw new Error('broker said no');
      sent.push(records[0]!.value![0]!);
    });
    sends.add([rec(1)]);
    await tick();
    sends.add([rec(2)]);
    await tick();
    await tick();
    sends.add([rec(3)]);
    await expect(sends.settle()).rejects.toThrow('broker said no');
    expect(sent).toEqual([1]);
    expect(sends.failed).toBe(true);
    sends.clear();
    expect(sends.failed).toBe(false);
  });

  it('waits for room while the backlog is above a limit', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const sends = new PendingSends(async () => gate);
    sends.add([rec(1)]);
    sends.add(Array.from({ length: 20 }, (_, i) => rec(i)));
    let roomy = false;
    const waiting = sends.room(5).then(() => (roomy = true));
    await tick();
    expect(roomy).toBe(false);
    release();
    await waiting;
    expect(sends.backlog).toBeLessThanOrEqual(5);
  });
});
