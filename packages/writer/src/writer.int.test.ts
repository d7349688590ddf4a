import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import kafkajs from 'kafkajs';
import { createClient, decodeWriterHeaders, isEoskitError, type ClientKind, type ConsumedRecord, type KafkaClient } from '@eoskit/core';
import { sharedBrokers, uniqueName } from '../../../test/helpers/kafka.js';
import { consumeCommitted, readBack } from '../../../test/helpers/writer-read-back.js';
import { createWriter } from './eoskit-writer.js';
import type { WriterMode, WriterOptions, WriterRecord } from './writer-types.js';

const { Kafka, logLevel, ConfigResourceTypes } = kafkajs;
const CLIENTS: ClientKind[] = ['kafkajs', 'confluent'];
const MODES: WriterMode[] = ['idempotent', 'transactional'];

const rec = (n: number): WriterRecord => ({ key: `k${n % 50}`, value: JSON.stringify({ n }), sequence: n });
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe.each(CLIENTS)('writer > %s', (kind) => {
  let client: KafkaClient;
  const brokers = sharedBrokers(1);
  const checkpointTopic = uniqueName(`ckpt-${kind}`);

  beforeAll(async () => {
    client = await createClient({ client: kind, brokers });
  });
  afterAll(async () => client?.close());

  async function topicWith(partitions: number): Promise<string> {
    const topic = uniqueName(`writer-${kind}`);
    const admin = client.admin();
    await admin.connect();
    await admin.createTopics([{ topic, numPartitions: partitions }]);
    await admin.disconnect();
    return topic;
  }

  const options = (topic: string, writerId: string, mode: WriterMode, extra: Partial<WriterOptions> = {}): WriterOptions => ({
    client: kind,
    brokers,
    writerId,
    topics: [topic],
    mode,
    checkpointTopic,
    ...extra,
  });

  describe.each(MODES)('%s', (mode) => {
    it('writes, stamps headers, and a restarted writer resumes where durable writes end', async () => {
      const topic = await topicWith(3);
      const writerId = uniqueName('w');
      const a = createWriter(options(topic, writerId, mode));
      expect(await a.connect()).toEqual({ overall: -1, partitions: [] });
      const one = await a.write(rec(0));
      expect(one).toMatchObject({ topic, sequence: 0 });
      const many = await a.writeMany(range(1, 500).map(rec));
      expect(many).toMatchObject({ count: 499, alreadyDurable: 0, last: { sequence: 499 } });
      await a.close();

      const b = createWriter(options(topic, writerId, mode));
      const last = await b.connect();
      expect(last.overall).toBe(499);
      expect(last.partitions.map((p) => p.partition)).toEqual([0, 1, 2]);
      await expect(b.write(rec(499))).rejects.toMatchObject({ code: 'SEQUENCE_ORDER' });
      await b.writeMany(range(500, 800).map(rec));
      await b.close();

      const read = await readBack(client, topic, writerId, 800);
      expect(read).toMatchObject({ records: 800, unique: 800, duplicates: 0, missing: [], outOfOrder: 0 });
      // The record at the reported position is the one written, with its stamp.
      const [first] = await collect(client.readRanges([{ topic, partition: one.partition, from: one.offset, to: one.offset + 1 }]));
      expect(decodeWriterHeaders(first?.headers ?? {})).toEqual({ writerId, sequence: 0 });
      expect(first?.value?.toString()).toBe('{"n":0}');
    });

    it('assigns dense sequences itself and continues them after a restart', async () => {
      const topic = await topicWith(2);
      const writerId = uniqueName('w');
      const a = createWriter(options(topic, writerId, mode));
      await a.connect();
      await a.writeMany(range(0, 10).map((n) => ({ key: `k${n}`, value: `v${n}` })));
      await a.close();
      const b = createWriter(options(topic, writerId, mode));
      expect((await b.connect()).overall).toBe(9);
      expect(await b.write({ key: 'x', value: 'y' })).toMatchObject({ sequence: 10 });
      await b.close();
    });
  });

  it('transactional: a plain read_committed consumer sees each record once, aborted attempts never', async () => {
    const topic = await topicWith(3);
    const writerId = uniqueName('w');
    const writer = createWriter(options(topic, writerId, 'transactional'));
    await writer.connect();
    await writer.writeMany(range(0, 300).map(rec));
    await writer.close();
    const records = await consumeCommitted(client, topic, 300);
    const seqs = records.map((r) => decodeWriterHeaders(r.headers)?.sequence).sort((x, y) => (x ?? 0) - (y ?? 0));
    expect(seqs).toEqual(range(0, 300));
  });

  it('transactional: a second live writer with the same id fences the first, which stops', async () => {
    const topic = await topicWith(1);
    const writerId = uniqueName('w');
    const a = createWriter(options(topic, writerId, 'transactional'));
    await a.connect();
    await a.write(rec(0));
    const b = createWriter(options(topic, writerId, 'transactional'));
    expect((await b.connect()).overall).toBe(0);
    const err = await a.write(rec(1)).catch((e: unknown) => e);
    expect(isEoskitError(err, 'PRODUCER_FENCED')).toBe(true);
    expect(a.state).toBe('failed');
    await a.close();
    await b.write(rec(1));
    await b.close();
    expect((await readBack(client, topic, writerId, 2)).missing).toEqual([]);
  });

  it('idempotent: a record the broker refuses for good is not counted durable after a restart', async () => {
    const topic = await topicWith(1);
    const writerId = uniqueName('w');
    // batch.size 4000 (confluent): the oversized record goes in a batch of its own, and the
    // records after it in later batches, which must not land once it failed.
    const a = createWriter(options(topic, writerId, 'idempotent', { producer: { 'batch.size': 4000, 'linger.ms': 20 } }));
    await a.connect();
    // The limit drops after the writer read it, so the writer's own size check lets the record through.
    const kafkajsAdmin = new Kafka({ brokers, logLevel: logLevel.NOTHING }).admin();
    await kafkajsAdmin.connect();
    await kafkajsAdmin.alterConfigs({
      validateOnly: false,
      resources: [{ type: ConfigResourceTypes.TOPIC, name: topic, configEntries: [{ name: 'max.message.bytes', value: '3000' }] }],
    });
    await kafkajsAdmin.disconnect();
    await new Promise((resolve) => setTimeout(resolve, 500));
    const sizes = [1200, 1200, 5000, 100, 100];
    const results = await Promise.allSettled(sizes.map((size, n) => a.write({ key: null, value: 'x'.repeat(size), sequence: n })));
    expect(results[2]).toMatchObject({ status: 'rejected', reason: { code: 'RECORD_TOO_LARGE' } });
    expect(a.state).toBe('failed');
    await a.close();

    const b = createWriter(options(topic, writerId, 'idempotent'));
    // Sequence 2 never landed: resuming above it would lose it.
    expect((await b.connect()).overall).toBeLessThan(2);
    await b.close();
  });

  it('refuses a topic that does not exist, naming it', async () => {
    const writer = createWriter(options(uniqueName('missing'), uniqueName('w'), 'idempotent'));
    await expect(writer.connect()).rejects.toThrow(/does not exist|missing/);
    await writer.close();
  });
});

async function collect(iterable: AsyncIterable<ConsumedRecord>): Promise<ConsumedRecord[]> {
  const out: ConsumedRecord[] = [];
  for await (const r of iterable) out.push(r);
  return out;
}
