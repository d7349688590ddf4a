import { describe, expect, it } from 'vitest';
import { EoskitError } from '../../errors.js';
import type { PartitionedRecord } from '../records.js';
import type { RdProducer } from './confluent-types.js';
import { createDirectSender, ERR_QUEUE_FULL, internalProducer } from './direct-sender.js';

type Opaque = Parameters<RdProducer['produce']>[5];

/**
 * A node-rdkafka Producer stand-in: a queue of `capacity` records; `deliver()` plays
 * librdkafka's delivery reports (which the KafkaJS layer turns into opaque calls).
 */
function fakeRd(capacity = Number.POSITIVE_INFINITY) {
  const queued: Array<{ value: string; partition: number; opaque: Opaque }> = [];
  const produced: string[] = [];
  const next = new Map<number, number>();
  let refuseWith: unknown;
  const rd: RdProducer = {
    produce(_topic, partition, value, _key, _timestamp, opaque) {
      if (refuseWith !== undefined) throw refuseWith;
      if (queued.length >= capacity) throw Object.assign(new Error('Local: Queue full'), { code: ERR_QUEUE_FULL });
      queued.push({ value: value?.toString() ?? '', partition, opaque });
      produced.push(value?.toString() ?? '');
      return true;
    },
    beginTransaction: () => undefined,
    listenerCount: () => 1,
  };
  /** Delivers the `n` oldest queued records (all by default); `fail` rejects them instead. */
  const deliver = (n = queued.length, fail?: unknown) => {
    for (const { partition, opaque } of queued.splice(0, n)) {
      if (fail !== undefined) opaque.reject(fail);
      else {
        const offset = next.get(partition) ?? 0;
        next.set(partition, offset + 1);
        opaque.resolve({ baseOffset: offset });
      }
    }
  };
  return { rd, produced, queued, deliver, refuse: (err: unknown) => (refuseWith = err) };
}

const records = (name: string, n: number, partition = 0): PartitionedRecord[] =>
  Array.from({ length: n }, (_, i) => ({ topic: 't', key: null, value: Buffer.from(`${name}${i}`), partition: (partition + i) % 2 }));

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (err) {
    return err;
  }
  throw new Error('expected a rejection');
}

describe('core > client > confluent > direct sender', () => {
  it('resolves each record with its own offset, in input order', async () => {
    const { rd, deliver } = fakeRd();
    const send = createDirectSender(rd, 10_000);
    const first = send(records('a', 3));
    const second = send(records('b', 2));
    deliver();
    expect(await first).toEqual([
      { topic: 't', partition: 0, offset: 0 },
      { topic: 't', partition: 1, offset: 0 },
      { topic: 't', partition: 0, offset: 1 },
    ]);
    expect(await second).toEqual([
      { topic: 't', partition: 0, offset: 2 },
      { topic: 't', partition: 1, offset: 1 },
    ]);
  });

  it('waits for room when the queue is full, keeping later sends behind', async () => {
    const { rd, produced, deliver } = fakeRd(2);
    const send = createDirectSender(rd, 10_000);
    const first = send(records('a', 5));
    const second = send(records('b', 1));
    expect(produced).toEqual(['a0', 'a1']);
    for (let i = 0; i < 10 && produced.length < 6; i++) {
      deliver(1);
      await tick();
    }
    deliver();
    await tick();
    deliver();
    expect((await first).map((p) => p.offset)).toEqual([0, 0, 1, 1, 2]);
    expect(await second).toHaveLength(1);
    expect(produced).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'b0']);
  });

  it('gives up with TIMEOUT when the queue stays full past the delivery timeout', async () => {
    const { rd, deliver } = fakeRd(1);
    const send = createDirectSender(rd, 50);
    const pending = send(records('a', 2));
    // The send settles once the record it did hand over is reported.
    setTimeout(() => deliver(), 100);
    const err = await rejection(pending);
    expect(err).toBeInstanceOf(EoskitError);
    expect((err as EoskitError).code).toBe('TIMEOUT');
  });

  it('produces nothing after a refused record, in this send or later ones', async () => {
    const { rd, produced, deliver, refuse } = fakeRd();
    const send = createDirectSender(rd, 10_000);
    const ok = send(records('a', 2));
    refuse(Object.assign(new Error('Local: Fatal error'), { code: -150 }));
    const failed = send(records('b', 2));
    deliver();
    await ok;
    expect(((await rejection(failed)) as { code: number }).code).toBe(-150);
    expect(((await rejection(send(records('c', 1)))) as { code: number }).code).toBe(-150);
    expect(produced).toEqual(['a0', 'a1']);
  });

  it('stops producing once a delivery failed, and reports the cause rather than the purge', async () => {
    const { rd, produced, deliver } = fakeRd();
    const send = createDirectSender(rd, 10_000);
    const first = send(records('a', 3));
    deliver(1, Object.assign(new Error('Local: Purged in queue'), { code: -152 }));
    deliver(1, Object.assign(new Error('Broker: Message size too large'), { code: 10 }));
    deliver(1);
    expect(((await rejection(first)) as { code: number }).code).toBe(10);
    expect(((await rejection(send(records('b', 1)))) as { code: number }).code).toBe(-152);
    expect(produced).toEqual(['a0', 'a1', 'a2']);
  });

  it('uses the internal client only while the layer listens for its delivery reports', () => {
    const { rd } = fakeRd();
    expect(internalProducer({ _getInternalClient: () => rd })).toBe(rd);
    expect(internalProducer({ _getInternalClient: () => ({ ...rd, listenerCount: () => 0 }) })).toBeUndefined();
    expect(internalProducer({})).toBeUndefined();
    expect(internalProducer({ _getInternalClient: () => null })).toBeUndefined();
  });
});
