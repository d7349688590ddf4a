import type { ConsumedRecord } from '@eoskit/core';
import { describe, expect, it } from 'vitest';
import { deliver } from './deliver.js';
import type { DeliveryPolicy } from './deliver.js';

const tp = { topic: 't', partition: 0 };
const records: ConsumedRecord[] = [0, 1, 2, 3].map((offset) => ({ ...tp, offset, key: null, value: Buffer.from(String(offset)), headers: {}, timestamp: 0 }));
const policy = (over: Partial<DeliveryPolicy> = {}): DeliveryPolicy => ({
  retry: { retries: 2, initialBackoffMs: 0, maxBackoffMs: 0 },
  abandoned: () => false,
  ...over,
});

// A fake commit unit: effects of an attempt are kept only if it completes (like a database transaction).
function transactional(committed: number[][]) {
  return async (work: (tx: number[]) => Promise<void>) => {
    const tx: number[] = [];
    await work(tx);
    committed.push(tx);
  };
}

describe('reader > failure > deliver', () => {
  it('atomic: retries the whole batch and commits its effects once', async () => {
    const committed: number[][] = [];
    let failures = 1;
    await deliver(
      tp,
      records,
      {
        eachEvent: (e, { tx }) => {
          if (e.offset === 2 && failures-- > 0) throw new Error('transient');
          tx.push(e.offset);
        },
      },
      transactional(committed),
      true,
      policy(),
    );
    expect(committed).toEqual([[0, 1, 2, 3]]);
  });

  it('not atomic: a retry resumes at the failing event, so earlier events run once', async () => {
    const seen: number[] = [];
    let failures = 2;
    await deliver(
      tp,
      records,
      {
        eachEvent: (e) => {
          if (e.offset === 1 && failures-- > 0) throw new Error('transient');
          seen.push(e.offset);
        },
      },
      (work) => work(undefined),
      false,
      policy(),
    );
    expect(seen).toEqual([0, 1, 2, 3]);
  });

  it('dead-letters only the event that keeps failing and delivers the rest', async () => {
    const committed: number[][] = [];
    const dead: number[] = [];
    const out = await deliver(
      tp,
      records,
      {
        eachEvent: (e, { tx }) => {
          if (e.offset === 2) throw new Error('poison');
          tx.push(e.offset);
        },
      },
      transactional(committed),
      true,
      policy({ deadLetter: async (rs, err) => void dead.push(...rs.map((r) => r.offset), (err as Error).message === 'poison' ? -1 : -2) }),
    );
    expect(dead).toEqual([2, -1]);
    expect(out.map((r) => r.offset)).toEqual([2]);
    expect(committed).toEqual([[0, 1, 3]]);
  });

  it('dead-letters a whole failing batch for eachBatch', async () => {
    const dead: number[] = [];
    const calls: number[][] = [];
    await deliver(
      tp,
      records,
      {
        eachBatch: (events) => {
          calls.push(events.map((e) => e.offset));
          throw new Error('poison');
        },
      },
      (work) => work(undefined),
      false,
      policy({ deadLetter: async (rs) => void dead.push(...rs.map((r) => r.offset)) }),
    );
    expect(calls).toHaveLength(3); // first attempt + 2 retries
    expect(dead).toEqual([0, 1, 2, 3]);
  });

  it('rethrows the handler error when there is no dead letter', async () => {
    const boom = new Error('boom');
    await expect(
      deliver(tp, records, { eachEvent: () => Promise.reject(boom) }, (work) => work(undefined), false, policy()),
    ).rejects.toBe(boom);
  });

  it('does not retry a stopping reader', async () => {
    let calls = 0;
    await expect(
      deliver(
        tp,
        records,
        {
          eachBatch: () => {
            calls += 1;
            throw new Error('x');
          },
        },
        (work) => work(undefined),
        false,
        policy({ abandoned: () => true }),
      ),
    ).rejects.toThrow('x');
    expect(calls).toBe(1);
  });
});
