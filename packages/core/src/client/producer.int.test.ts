import kafkajs from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedBrokers, uniqueName } from '../../../../test/helpers/kafka.js';
import { isEoskitError } from '../errors.js';
import { createClient } from './create-client.js';
import { createPartitioner } from './partitioner.js';
import type { ClientKind, ConsumedRecord, KafkaClient, OutgoingRecord } from './types.js';

const { Kafka, logLevel } = kafkajs;
const CLIENTS: ClientKind[] = ['kafkajs', 'confluent'];
const SIZES = [1, 3] as const;

async function collect(iterable: AsyncIterable<ConsumedRecord>): Promise<ConsumedRecord[]> {
  const out: ConsumedRecord[] = [];
  for await (const record of iterable) out.push(record);
  return out;
}

describe.each(CLIENTS)('core > client > %s > idempotent producer', (kind) => {
  describe.each(SIZES)('on the %i-node cluster', (nodes) => {
    let client: KafkaClient;
    const topic = uniqueName(`prod-${kind}-${nodes}`);

    beforeAll(async () => {
      client = await createClient({ client: kind, brokers: sharedBrokers(nodes) });
      const admin = client.admin();
      await admin.connect();
      await admin.createTopics([{ topic, numPartitions: 3 }]);
      await admin.disconnect();
    });
    afterAll(async () => client?.close());

    it('sends records and reports where each one landed, in input order', async () => {
      const producer = client.producer();
      await producer.connect();
      const records: OutgoingRecord[] = Array.from({ length: 30 }, (_, i) => ({
        topic,
        key: i % 5 === 4 ? null : Buffer.from(`key-${i % 7}`),
        value: Buffer.from(`value-${i}`),
        headers: { n: Buffer.from(String(i)) },
        timestamp: 1_700_000_000_000 + i,
      }));
      const first = await producer.send(records);
      const second = await producer.send(records.slice(0, 3));
      await producer.disconnect();

      expect(first).toHaveLength(30);
      const java = createPartitioner();
      records.forEach((record, i) => {
        if (record.key) expect(first[i]?.partition).toBe(java(topic, record.key, 3));
      });
      // Within a partition, offsets follow input order without gaps.
      for (const partition of [0, 1, 2]) {
        const offsets = first.filter((p) => p.partition === partition).map((p) => p.offset);
        expect(offsets).toEqual(offsets.map((_, i) => (offsets[0] ?? 0) + i));
      }

      const admin = client.admin();
      await admin.connect();
      const ends = await admin.partitionOffsets(topic);
      await admin.disconnect();
      const read = await collect(client.readRanges(ends.map((e) => ({ topic, partition: e.partition, from: 0, to: e.high }))));
      expect(read).toHaveLength(33);
      const byPosition = new Map(read.map((r) => [`${r.partition}:${r.offset}`, r]));
      const sent = [...records, ...records.slice(0, 3)];
      [...first, ...second].forEach((position, i) => {
        const original = sent[i] as OutgoingRecord;
        const got = byPosition.get(`${position.partition}:${position.offset}`);
        expect(got?.value).toEqual(original.value);
        expect(got?.key).toEqual(original.key);
        expect(got?.headers.n).toEqual(original.headers?.n);
        expect(got?.timestamp).toBe(original.timestamp);
      });
    });

    it('keeps the call order of concurrent sends in every partition', async () => {
      const ordered = uniqueName(`prod-order-${kind}-${nodes}`);
      const admin = client.admin();
      await admin.connect();
      await admin.createTopics([{ topic: ordered, numPartitions: 3 }]);
      // A client of its own, so the first send still has to look up the partition count.
      const fresh = await createClient({ client: kind, brokers: sharedBrokers(nodes) });
      const producer = fresh.producer();
      await producer.connect();
      const sizes = [40, 1, 7, 1, 25, 3, 1, 12, 1, 30];
      const calls: OutgoingRecord[][] = sizes.map((n, call) =>
        Array.from({ length: n }, (_, i) => ({ topic: ordered, key: Buffer.from(`k${(call * 7 + i) % 11}`), value: Buffer.from(`${call}:${i}`) })),
      );
      const positions = await Promise.all(calls.map((records) => producer.send(records)));
      await producer.disconnect();
      await fresh.close();

      const ends = await admin.partitionOffsets(ordered);
      await admin.disconnect();
      const records = await collect(client.readRanges(ends.map((e) => ({ topic: ordered, partition: e.partition, from: 0, to: e.high }))));
      expect(records).toHaveLength(sizes.reduce((a, b) => a + b, 0));
      const callOrder = (r: ConsumedRecord): [number, number] => r.value!.toString().split(':').map(Number) as [number, number];
      for (const partition of [0, 1, 2]) {
        const seen = records.filter((r) => r.partition === partition).map(callOrder);
        const sorted = [...seen].sort((a, b) => a[0] - b[0] || a[1] - b[1]);
        expect(seen).toEqual(sorted);
      }
      // Every position points at its own record.
      const at = new Map(records.map((r) => [`${r.partition}:${r.offset}`, r.value?.toString()]));
      positions.forEach((list, call) => list.forEach((p, i) => expect(at.get(`${p.partition}:${p.offset}`)).toBe(`${call}:${i}`)));
    });

    it('leaves no later record of a partition in the log after one the broker refused', async () => {
      // The broker takes at most 3000 bytes per batch; librdkafka (batch.size 4000) puts the
      // oversized record into a batch of its own, so the records after it travel in later batches.
      const small = uniqueName(`prod-gap-${kind}-${nodes}`);
      const admin = client.admin();
      await admin.connect();
      await admin.createTopics([{ topic: small, numPartitions: 1, configs: { 'max.message.bytes': '3000' } }]);
      // confluent: records in flight behind the refused one wait out deliveryTimeoutMs (core README, quirks).
      const producer = client.producer({ batchSize: 4000, lingerMs: 20, deliveryTimeoutMs: 10_000 });
      await producer.connect();
      const value = (size: number, fill: string) => Buffer.alloc(size, fill);
      const records = [value(1200, 'a'), value(1200, 'b'), value(5000, 'X'), value(100, 'c'), value(100, 'd')].map((v) => ({
        topic: small,
        key: null,
        value: v,
        partition: 0,
      }));
      const err = await producer.send(records).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(isEoskitError(err, 'RECORD_TOO_LARGE')).toBe(true);
      await producer.disconnect();
      const [end] = await admin.partitionOffsets(small);
      await admin.disconnect();
      const landed = await collect(client.readRanges([{ topic: small, partition: 0, from: 0, to: end?.high ?? 0 }]));
      // Whatever landed is a prefix of the send: nothing after the refused record.
      const fills = landed.map((r) => r.value?.toString('utf8', 0, 1));
      expect(['a', 'b'].slice(0, fills.length)).toEqual(fills);
    });

    it('refuses malformed records and unknown topics without breaking the producer', async () => {
      const producer = client.producer();
      await producer.connect();
      await expect(producer.send([{ topic, key: null, value: 'text' as unknown as Buffer }])).rejects.toSatisfy((err: unknown) =>
        isEoskitError(err, 'CONFIG_INVALID'),
      );
      await expect(producer.send([{ topic: uniqueName('missing'), key: null, value: null }])).rejects.toSatisfy((err: unknown) =>
        isEoskitError(err) && err.code !== 'CLOSED',
      );
      await expect(producer.send([{ topic, key: null, value: Buffer.from('still fine'), partition: 2 }])).resolves.toHaveLength(1);
      await producer.disconnect();
    });

    it('bounds a send that cannot be acknowledged by deliveryTimeoutMs, then refuses further sends', async () => {
      const doomed = uniqueName(`prod-doomed-${kind}-${nodes}`);
      const admin = client.admin();
      await admin.connect();
      await admin.createTopics([{ topic: doomed, numPartitions: 1 }]);
      await admin.disconnect();
      const producer = client.producer({ deliveryTimeoutMs: 4000 });
      await producer.connect();
      await producer.send([{ topic: doomed, key: null, value: Buffer.from('first') }]);
      // The topic vanishes under the producer: every produce is now refused (retriably).
      const kafkajsAdmin = new Kafka({ brokers: sharedBrokers(nodes), logLevel: logLevel.NOTHING }).admin();
      await kafkajsAdmin.connect();
      await kafkajsAdmin.deleteTopics({ topics: [doomed] });
      await kafkajsAdmin.disconnect();

      const started = Date.now();
      let caught: unknown;
      try {
        await producer.send([{ topic: doomed, key: null, value: Buffer.from('never') }]);
      } catch (err) {
        caught = err;
      }
      const elapsed = Date.now() - started;
      expect(isEoskitError(caught)).toBe(true);
      expect((caught as { retriable: boolean }).retriable).toBe(true);
      expect(elapsed).toBeLessThan(4000 + 3000);
      await expect(producer.send([{ topic, key: null, value: null }])).rejects.toSatisfy((err: unknown) => isEoskitError(err, 'CLOSED'));
      const closing = Date.now();
      await producer.disconnect();
      expect(Date.now() - closing).toBeLessThan(4000 + 6000);
    });
  });
});
