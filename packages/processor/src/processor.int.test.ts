import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, decodeWriterHeaders } from '@eoskit/core';
import type { ClientKind, ConsumedRecord, KafkaClient } from '@eoskit/core';
import { readTopic, verifyWriter } from '@eoskit/reader';
import { sharedBrokers, uniqueName } from '../../../test/helpers/kafka.js';
import { produceStamped, sequences, waitFor } from '../../../test/helpers/reader-fixtures.js';
import { createProcessor } from './create-processor.js';
import type { Processor, ProcessorOptions } from './processor-types.js';

const CLIENTS: ClientKind[] = ['kafkajs', 'confluent'];

describe.each(CLIENTS)('processor > %s', (kind) => {
  const brokers = sharedBrokers(1);
  let client: KafkaClient;
  const running: Processor[] = [];

  beforeAll(async () => {
    client = await createClient({ client: kind, brokers });
  });
  afterAll(async () => {
    await Promise.all(running.map((p) => p.stop().catch(() => undefined)));
    await client?.close();
  });

  const topics = async (prefix: string, partitions = 3): Promise<{ input: string; output: string }> => {
    const input = uniqueName(`${prefix}-${kind}-in`);
    const output = uniqueName(`${prefix}-${kind}-out`);
    const admin = client.admin();
    await admin.connect();
    await admin.createTopics([
      { topic: input, numPartitions: partitions },
      { topic: output, numPartitions: partitions },
    ]);
    await admin.disconnect();
    return { input, output };
  };

  const copier = (input: string, output: string, extra: Partial<ProcessorOptions> = {}): Processor => {
    const id = uniqueName(`proc-${kind}`);
    const p = createProcessor({
      client,
      groupId: id,
      inputs: [input],
      outputs: [output],
      transactionalIdPrefix: id,
      instanceId: 'a',
      checkpoint: { intervalMs: 100 },
      consumer: { sessionTimeoutMs: 6000, heartbeatIntervalMs: 1000 },
      // Same partition as the input, as Kafka's copier does, so the per-partition sequence check applies.
      process: (e) => ({ topic: output, partition: e.partition, key: e.key, value: e.value, headers: e.headers }),
      ...extra,
    });
    running.push(p);
    return p;
  };

  const committedAll = (p: Processor, n: number) => waitFor(`${n} records committed`, () => p.metrics().committedRecords >= n, 120_000);

  it('copies exactly once, dropping the duplicates an idempotent writer left, even with a third of the checkpoints aborted', async () => {
    const { input, output } = await topics('copy');
    const writer = uniqueName('w');
    // sequences 0..599 over 3 partitions, plus 60 genuine repeats
    await produceStamped(client, input, [...sequences(writer, 0, 600), ...sequences(writer, 100, 160)], 3);
    const p = copier(input, output, { abortRatio: 0.33, checkpoint: { intervalMs: 100, maxRecords: 50 } });
    await p.start();
    await committedAll(p, 660);
    await p.stop();
    const m = p.metrics();
    // Records of aborted checkpoints are processed again, so repeats may be dropped more than once.
    expect(m.duplicatesDropped).toBeGreaterThanOrEqual(60);
    expect(m.aborted).toBeGreaterThan(0);
    expect(await verifyWriter({ client, topic: output, writerId: writer, count: 600 })).toMatchObject({ exact: true, records: 600 });
  });

  it('keeps keyed state exactly once across aborts and a restart (restored from the changelog)', async () => {
    const { input, output } = await topics('count', 2);
    const groupId = uniqueName(`count-${kind}`);
    const counter = (): Processor => {
      const p = createProcessor({
        client,
        groupId,
        inputs: [input],
        transactionalIdPrefix: groupId,
        instanceId: 'a',
        abortRatio: 0.3,
        checkpoint: { intervalMs: 50, maxRecords: 40 },
        consumer: { sessionTimeoutMs: 6000, heartbeatIntervalMs: 1000 },
        process: (e, ctx) => {
          const key = e.key?.toString() ?? '';
          const n = (ctx.state.get<number>(key) ?? 0) + 1;
          ctx.state.put(key, n);
          return { topic: output, key: e.key, value: String(n) };
        },
      });
      running.push(p);
      return p;
    };
    const stamp = uniqueName('w');
    // Key k<n mod 7> always in partition (n mod 7) mod 2: state is per input partition.
    const keyed = (from: number, to: number) => sequences(stamp, from, to).map((s) => ({ ...s, key: `k${s.seq % 7}`, partition: (s.seq % 7) % 2 }));
    await produceStamped(client, input, keyed(0, 300), 2);
    const first = counter();
    await first.start();
    await committedAll(first, 300);
    await first.stop();
    await produceStamped(client, input, keyed(300, 500), 2);
    const second = counter();
    await second.start();
    await committedAll(second, 200);
    await second.stop();
    expect(second.metrics().restores).toBe(2);
    const byKey = new Map<string, number[]>();
    for (const r of await readTopic(client, output)) {
      const k = r.key!.toString();
      byKey.set(k, [...(byKey.get(k) ?? []), Number(r.value!.toString())]);
    }
    expect([...byKey.keys()].sort()).toEqual(['k0', 'k1', 'k2', 'k3', 'k4', 'k5', 'k6']);
    for (const [, counts] of byKey) expect(counts).toEqual(counts.map((_, i) => i + 1));
    expect([...byKey.values()].reduce((n, c) => n + c.length, 0)).toBe(500);
  });

  it('commits the open checkpoint on a graceful stop', async () => {
    const { input, output } = await topics('stop', 1);
    const writer = uniqueName('w');
    await produceStamped(client, input, sequences(writer, 0, 50), 1);
    const p = copier(input, output, { checkpoint: { intervalMs: 14_000, maxRecords: 100_000 } });
    await p.start();
    await waitFor('all consumed', () => p.metrics().consumed === 50, 60_000);
    expect(p.metrics().committedRecords).toBe(0);
    await p.stop();
    expect(p.metrics().committedRecords).toBe(50);
    expect(await verifyWriter({ client, topic: output, writerId: writer, count: 50 })).toMatchObject({ exact: true });
  });

  it('recovers when a zombie with its transactional id fences it: nothing lost, nothing twice', async () => {
    const { input, output } = await topics('fence', 1);
    const writer = uniqueName('w');
    await produceStamped(client, input, sequences(writer, 0, 100), 1);
    const id = uniqueName(`fence-${kind}`);
    const p = copier(input, output, { groupId: id, transactionalIdPrefix: id, checkpoint: { intervalMs: 100, maxRecords: 30 } });
    await p.start();
    await committedAll(p, 100);
    // Another producer initialises the processor's id: it bumps the epoch, so the processor is a zombie now.
    const txnId = kind === 'kafkajs' ? `${id}-${input}-0` : `${id}-a`;
    const zombie = client.producer({ transactionalId: txnId });
    await zombie.connect();
    await zombie.disconnect();
    await produceStamped(client, input, sequences(writer, 100, 200), 1);
    await committedAll(p, 200);
    await p.stop();
    expect(p.metrics().recoveries).toBeGreaterThan(0);
    expect(await verifyWriter({ client, topic: output, writerId: writer, count: 200 })).toMatchObject({ exact: true, records: 200 });
  });

  it.runIf(kind === 'confluent')('copies with per-partition transactional ids too (no instanceId needed)', async () => {
    const { input, output } = await topics('perpart');
    const writer = uniqueName('w');
    await produceStamped(client, input, sequences(writer, 0, 300), 3);
    const p = copier(input, output, { fencing: 'per-partition', instanceId: undefined, abortRatio: 0.25, checkpoint: { intervalMs: 100, maxRecords: 40 } });
    await p.start();
    await committedAll(p, 300);
    await p.stop();
    expect(p.metrics().aborted).toBeGreaterThan(0);
    expect(await verifyWriter({ client, topic: output, writerId: writer, count: 300 })).toMatchObject({ exact: true, records: 300 });
  });

  it('at-least-once copies everything with plain produce-then-commit', async () => {
    const { input, output } = await topics('alos');
    const writer = uniqueName('w');
    await produceStamped(client, input, sequences(writer, 0, 300), 3);
    const p = copier(input, output, { guarantee: 'at-least-once' });
    await p.start();
    await committedAll(p, 300);
    await p.stop();
    expect(await verifyWriter({ client, topic: output, writerId: writer, count: 300 })).toMatchObject({ exact: true });
  });

  it('stops with the error when process() throws, committing nothing of that checkpoint', async () => {
    const { input, output } = await topics('throw', 1);
    const writer = uniqueName('w');
    await produceStamped(client, input, sequences(writer, 0, 20), 1);
    const p = copier(input, output, {
      checkpoint: { intervalMs: 14_000 },
      process: (e: ConsumedRecord) => {
        if (decodeWriterHeaders(e.headers)?.sequence === 15) throw new Error('bad record 15');
        return { topic: output, partition: e.partition, key: e.key, value: e.value };
      },
    });
    await p.start();
    await expect(p.done()).rejects.toThrow('bad record 15');
    expect(p.state).toBe('failed');
    expect((await readTopic(client, output)).length).toBe(0);
  });

  it('refuses to start on an error-level eos-lint finding, naming it', async () => {
    const { input, output } = await topics('lint', 1);
    const p = copier(input, output, { transactionTimeoutMs: 1_000_000 });
    await expect(p.start()).rejects.toMatchObject({
      code: 'CONFIG_INVALID',
      message: expect.stringMatching(/transaction\.timeout\.ms=1000000 .*producer-transaction-timeout-exceeds-broker-max/),
    });
    const missing = copier(uniqueName('missing'), output);
    await expect(missing.start()).rejects.toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringMatching(/input topic .* does not exist/) });
  });
});

describe('processor > cluster checks on the 3-node cluster', () => {
  it('refuses an output topic whose min.insync.replicas equals its replication factor', async () => {
    const client = await createClient({ client: 'kafkajs', brokers: sharedBrokers(3) });
    try {
      const input = uniqueName('lint3-in');
      const output = uniqueName('lint3-out');
      const admin = client.admin();
      await admin.connect();
      await admin.createTopics([{ topic: input }, { topic: output, replicationFactor: 3, configs: { 'min.insync.replicas': '3' } }]);
      await admin.disconnect();
      const id = uniqueName('lint3');
      const p = createProcessor({ client, groupId: id, inputs: [input], outputs: [output], transactionalIdPrefix: id, process: () => undefined });
      await expect(p.start()).rejects.toMatchObject({
        code: 'CONFIG_INVALID',
        message: expect.stringMatching(new RegExp(`output topic "${output}": .*topic-min-isr-not-below-rf`)),
      });
    } finally {
      await client.close();
    }
  });
});
