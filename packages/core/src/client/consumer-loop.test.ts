import { describe, expect, it } from 'vitest';
import { ConsumerLoop } from './consumer-loop.js';
import type { ConsumedRecord, TopicPartition } from './types.js';

const tp = { topic: 't', partition: 0 };
const records = (n: number): ConsumedRecord[] =>
  Array.from({ length: n }, (_, offset) => ({ ...tp, offset, key: null, value: null, headers: {}, timestamp: 0 }));

describe('core > client > consumer loop', () => {
  it('delivers in chunks of maxBatchSize', async () => {
    const sizes: number[] = [];
    const loop = new ConsumerLoop({ eachBatch: async (b) => void sizes.push(b.records.length) }, 4, () => undefined);
    await loop.rebalance(() => loop.assign([tp]));
    expect(await loop.deliver(tp, records(10), 10)).toBe('handled');
    expect(sizes).toEqual([4, 4, 2]);
  });

  it('holds batches until rebalance callbacks are done', async () => {
    const events: string[] = [];
    let release!: () => void;
    const loop = new ConsumerLoop(
      {
        eachBatch: async () => void events.push('batch'),
        onAssigned: async () => {
          await new Promise<void>((resolve) => (release = resolve));
          events.push('assigned');
        },
      },
      10,
      () => undefined,
    );
    void loop.rebalance(() => loop.assign([tp]));
    const delivered = loop.deliver(tp, records(1), 1);
    await new Promise((resolve) => setTimeout(resolve, 10));
    release();
    await delivered;
    expect(events).toEqual(['assigned', 'batch']);
  });

  it('stops after a seek in the handler and reports it', async () => {
    let calls = 0;
    const loop: ConsumerLoop = new ConsumerLoop(
      {
        eachBatch: async () => {
          calls++;
          loop.noteSeek(tp);
        },
      },
      2,
      () => undefined,
    );
    await loop.rebalance(() => loop.assign([tp]));
    expect(await loop.deliver(tp, records(6), 6)).toBe('seeked');
    expect(calls).toBe(1);
  });

  it('tells a handler that waited (for a lock of its own) that a seek came meanwhile', async () => {
    const seen: boolean[] = [];
    let proceed!: () => void;
    const waited = new Promise<void>((resolve) => (proceed = resolve));
    const loop = new ConsumerLoop(
      {
        eachBatch: async (b) => {
          seen.push(b.isStale());
          await waited; // e.g. a reload holds the handler's lock and seeks
          seen.push(b.isStale());
        },
      },
      10,
      () => undefined,
    );
    await loop.rebalance(() => loop.assign([tp]));
    const delivered = loop.deliver(tp, records(3), 3);
    await new Promise((resolve) => setTimeout(resolve, 5));
    loop.noteSeek(tp);
    proceed();
    expect(await delivered).toBe('seeked');
    expect(seen).toEqual([false, true]);
    // A seek of another partition does not make it stale; the client's own word does.
    const other = { topic: 't', partition: 1 };
    let stale: boolean | undefined;
    const loop2: ConsumerLoop = new ConsumerLoop({ eachBatch: async (b) => void (loop2.noteSeek(other), (stale = b.isStale())) }, 10, () => undefined);
    await loop2.rebalance(() => loop2.assign([tp, other]));
    await loop2.deliver(tp, records(1), 1);
    expect(stale).toBe(false);
    let clientSays = false;
    const loop3: ConsumerLoop = new ConsumerLoop({ eachBatch: async (b) => void ((clientSays = true), (stale = b.isStale())) }, 10, () => undefined);
    await loop3.rebalance(() => loop3.assign([tp]));
    await loop3.deliver(tp, records(1), 1, () => clientSays);
    expect(stale).toBe(true);
  });

  it('stops everything on the first failure: pauses all, reports once, delivers nothing more', async () => {
    const paused: TopicPartition[][] = [];
    const errors: string[] = [];
    const loop = new ConsumerLoop(
      { eachBatch: async () => Promise.reject(new Error('bad record')), onError: (e) => errors.push(e.message) },
      10,
      (tps) => paused.push(tps),
    );
    await loop.rebalance(() => loop.assign([tp, { topic: 't', partition: 1 }]));
    expect(await loop.deliver(tp, records(1), 1)).toBe('stopped');
    expect(await loop.deliver(tp, records(1), 1)).toBe('stopped');
    expect(errors).toEqual(['bad record']);
    expect(paused).toEqual([[tp, { topic: 't', partition: 1 }]]);
  });

  it('revocation forgets partitions and their pauses', async () => {
    const loop = new ConsumerLoop({ eachBatch: async () => undefined }, 10, () => undefined);
    await loop.rebalance(() => loop.assign([tp]));
    expect(loop.markPaused([tp, { topic: 'other', partition: 0 }])).toEqual([tp]);
    await loop.rebalance(() => loop.revoke([tp]));
    expect(loop.isAssigned(tp)).toBe(false);
    expect(loop.paused.size).toBe(0);
    expect(await loop.deliver(tp, records(1), 1)).toBe('stopped');
  });

  it('drops a batch fetched before a seek made in a rebalance callback', async () => {
    let delivered = 0;
    const loop: ConsumerLoop = new ConsumerLoop(
      { eachBatch: async () => void delivered++, onAssigned: () => loop.noteSeek(tp) },
      10,
      () => undefined,
    );
    const rebalance = loop.rebalance(() => loop.assign([tp]));
    const outcome = loop.deliver(tp, records(3), 3);
    await rebalance;
    expect(await outcome).toBe('seeked');
    expect(delivered).toBe(0);
    expect(await loop.deliver(tp, records(3), 3)).toBe('handled');
  });
});
