import { describe, expect, it } from 'vitest';
import { EoskitError } from '../errors.js';
import { createEosProducer, type ProducerDriver } from './eos-producer.js';
import { registerConsumer } from './consumer-registry.js';
import { PartitionCounts } from './partition-counts.js';
import { createPartitioner } from './partitioner.js';
import type { EosConsumer } from './types.js';

/** A driver that records calls and fails where told (pure logic: no broker involved). */
function fakeDriver(failOn: Set<string> = new Set()) {
  const calls: string[] = [];
  const step = async (name: string) => {
    calls.push(name);
    if (failOn.has(name)) throw Object.assign(new Error(`${name} broke`), { type: 'INVALID_PRODUCER_EPOCH', code: 47 });
  };
  const driver: ProducerDriver = {
    connect: () => step('connect'),
    send: async (records) => {
      await step('send');
      return records.map((r, i) => ({ topic: r.topic, partition: r.partition, offset: i }));
    },
    begin: () => step('begin'),
    sendOffsets: () => step('sendOffsets'),
    commit: () => step('commit'),
    abort: () => step('abort'),
    disconnect: () => step('disconnect'),
  };
  return { driver, calls };
}

const owner = {};
const make = (driver: ProducerDriver, transactionalId?: string, partitionCounts = new PartitionCounts(async () => 3)) =>
  createEosProducer({
    kind: 'kafkajs',
    owner,
    transactionalId,
    driver,
    partitionCounts,
    choosePartition: createPartitioner(),
  });

/** Partition counts where topic "slow" takes `ms` to look up (as on a first send or after a refresh). */
const slowCounts = (ms: number) =>
  new PartitionCounts(async (topic) => {
    if (topic === 'slow') await new Promise((resolve) => setTimeout(resolve, ms));
    return 3;
  });

/** A driver that logs the values it is handed, in hand-over order, and settles each send when told. */
function recordingDriver() {
  const handed: string[] = [];
  const log: string[] = [];
  const pending: Array<() => void> = [];
  const driver: ProducerDriver = {
    connect: async () => undefined,
    send: (records) => {
      handed.push(...records.map((r) => r.value?.toString() ?? ''));
      log.push('send');
      return new Promise((resolve) => {
        pending.push(() => resolve(records.map((r, i) => ({ topic: r.topic, partition: r.partition, offset: i }))));
      });
    },
    begin: async () => undefined,
    sendOffsets: async () => undefined,
    commit: async () => void log.push('commit'),
    abort: async () => void log.push('abort'),
    disconnect: async () => undefined,
  };
  const settleAll = () => pending.splice(0).forEach((settle) => settle());
  return { driver, handed, log, pending, settleAll };
}

const batch = (topic: string, name: string, n: number) =>
  Array.from({ length: n }, (_, i) => ({ topic, key: Buffer.from(`${name}-${i}`), value: Buffer.from(`${name}-${i}`) }));

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof EoskitError) return err.code;
    throw err;
  }
  return 'ok';
}

const record = { topic: 't', key: Buffer.from('key-2'), value: null };

describe('core > client > eos producer', () => {
  it('chooses Java partitions before the driver sees the records', async () => {
    const { driver } = fakeDriver();
    const producer = make(driver);
    await producer.connect();
    expect((await producer.send([record]))[0]?.partition).toBe(2);
  });

  it('finishes the producer after a failure: only abort and disconnect remain', async () => {
    const { driver, calls } = fakeDriver(new Set(['send']));
    const producer = make(driver, 'tx');
    await producer.connect();
    const txn = await producer.beginTransaction();
    expect(await code(txn.send([record]))).toBe('PRODUCER_FENCED');
    expect(await code(txn.send([record]))).toBe('CLOSED');
    expect(await code(txn.commit())).toBe('CLOSED');
    expect(await code(producer.beginTransaction())).toBe('CLOSED');
    expect(await code(txn.abort())).toBe('ok');
    expect(await code(producer.beginTransaction())).toBe('CLOSED');
    await producer.disconnect();
    expect(calls).toEqual(['connect', 'begin', 'send', 'abort', 'disconnect']);
  });

  it('keeps the producer usable after refusing bad input', async () => {
    const { driver } = fakeDriver();
    const producer = make(driver);
    await producer.connect();
    expect(await code(producer.send([{ ...record, partition: 7 }]))).toBe('CONFIG_INVALID');
    expect(await code(producer.send([record]))).toBe('ok');
  });

  it('enforces the transaction states', async () => {
    const { driver } = fakeDriver();
    const producer = make(driver, 'tx');
    expect(await code(producer.beginTransaction())).toBe('TXN_STATE');
    await producer.connect();
    const first = await producer.beginTransaction();
    expect(await code(producer.beginTransaction())).toBe('TXN_STATE');
    await first.commit();
    expect(await code(first.send([record]))).toBe('TXN_STATE');
    expect(await code(first.abort())).toBe('TXN_STATE');
    const second = await producer.beginTransaction();
    await second.abort();
  });

  it('accepts only consumers of its own client for sendOffsets', async () => {
    const { driver, calls } = fakeDriver();
    const producer = make(driver, 'tx');
    await producer.connect();
    const txn = await producer.beginTransaction();
    const mine = { groupId: 'g' } as EosConsumer;
    const foreign = { groupId: 'g' } as EosConsumer;
    registerConsumer(mine, owner, {});
    registerConsumer(foreign, {}, {});
    expect(await code(txn.sendOffsets(foreign, [{ topic: 't', partition: 0, offset: 1 }]))).toBe('CONFIG_INVALID');
    expect(await code(txn.sendOffsets(mine, [{ topic: 't', partition: 0, offset: -1 }]))).toBe('CONFIG_INVALID');
    expect(await code(txn.sendOffsets(mine, [{ topic: 't', partition: 0, offset: 1 }]))).toBe('ok');
    await txn.commit();
    expect(calls.filter((c) => c === 'sendOffsets')).toHaveLength(1);
  });

  it('hands concurrent sends to the driver in call order while a partition count is looked up', async () => {
    const { driver, handed, settleAll } = recordingDriver();
    const producer = make(driver, undefined, slowCounts(30));
    await producer.connect();
    const warm = producer.send(batch('fast', 'warm', 1));
    await new Promise((resolve) => setTimeout(resolve, 5));
    settleAll();
    await warm;
    handed.length = 0;
    // The first call waits for "slow"'s count; the later, smaller ones must not overtake it.
    const sends = [
      producer.send(batch('slow', 'a', 3)),
      producer.send(batch('slow', 'b', 1)),
      producer.send(batch('fast', 'c', 1)),
      producer.send(batch('slow', 'd', 2)),
    ];
    await new Promise((resolve) => setTimeout(resolve, 60));
    settleAll();
    await Promise.all(sends);
    expect(handed).toEqual(['a-0', 'a-1', 'a-2', 'b-0', 'c-0', 'd-0', 'd-1']);
  });

  it('keeps several sends in flight in the driver at once', async () => {
    const { driver, pending, settleAll } = recordingDriver();
    const producer = make(driver);
    await producer.connect();
    const sends = [producer.send(batch('t', 'a', 2)), producer.send(batch('t', 'b', 2)), producer.send(batch('t', 'c', 2))];
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(pending).toHaveLength(3);
    settleAll();
    expect((await Promise.all(sends)).map((p) => p.length)).toEqual([2, 2, 2]);
  });

  it('commits only after every earlier send reached the driver', async () => {
    const { driver, log, settleAll } = recordingDriver();
    const producer = make(driver, 'tx', slowCounts(30));
    await producer.connect();
    const txn = await producer.beginTransaction();
    const sent = txn.send(batch('slow', 'a', 2));
    const committed = txn.commit();
    expect(await code(txn.send(batch('slow', 'late', 1)))).toBe('TXN_STATE');
    await new Promise((resolve) => setTimeout(resolve, 60));
    settleAll();
    await Promise.all([sent, committed]);
    expect(log).toEqual(['send', 'commit']);
  });

  it('refuses a queued send once an earlier one failed; it never reaches the driver', async () => {
    const calls: string[] = [];
    const driver: ProducerDriver = {
      ...fakeDriver().driver,
      send: async (records) => {
        calls.push(records[0]?.topic ?? '');
        throw Object.assign(new Error('epoch'), { type: 'INVALID_PRODUCER_EPOCH', code: 47 });
      },
    };
    const producer = make(driver, undefined, slowCounts(30));
    await producer.connect();
    const first = producer.send(batch('t', 'a', 1));
    const second = producer.send(batch('slow', 'b', 1));
    expect(await code(first)).toBe('KAFKA');
    expect(await code(second)).toBe('CLOSED');
    expect(calls).toEqual(['t']);
  });
});

