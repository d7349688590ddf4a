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
const make = (driver: ProducerDriver, transactionalId?: string) =>
  createEosProducer({
    kind: 'kafkajs',
    owner,
    transactionalId,
    driver,
    partitionCounts: new PartitionCounts(async () => 3),
    choosePartition: createPartitioner(),
  });

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
});
