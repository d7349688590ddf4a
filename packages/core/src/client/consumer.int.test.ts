import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedBrokers, uniqueName } from '../../../../test/helpers/kafka.js';
import { createClient } from './create-client.js';
import type {
  ClientKind,
  ConsumedBatch,
  ConsumerHandlers,
  EosAdmin,
  EosConsumer,
  KafkaClient,
  OutgoingRecord,
  TopicPartition,
} from './types.js';

const CLIENTS: ClientKind[] = ['kafkajs', 'confluent'];
const SIZES = [1, 3] as const;

/** Polls until `check` holds (the loop runs on the client's own schedule). */
async function waitFor(what: string, check: () => boolean, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const sorted = (tps: TopicPartition[]): number[] => tps.map((tp) => tp.partition).sort((a, b) => a - b);

describe.each(CLIENTS)('core > client > %s > consumer', (kind) => {
  describe.each(SIZES)('on the %i-node cluster', (nodes) => {
    let client: KafkaClient;
    let admin: EosAdmin;
    const open: EosConsumer[] = [];

    beforeAll(async () => {
      client = await createClient({ client: kind, brokers: sharedBrokers(nodes) });
      admin = client.admin();
      await admin.connect();
    });
    afterAll(async () => {
      await Promise.all(open.map((c) => c.disconnect().catch(() => undefined)));
      await admin?.disconnect();
      await client?.close();
    });

    const newTopic = async (prefix: string, numPartitions = 1): Promise<string> => {
      const topic = uniqueName(`${prefix}-${kind}-${nodes}`);
      await admin.createTopics([{ topic, numPartitions }]);
      return topic;
    };
    const produce = async (topic: string, n: number, partition = 0, prefix = 'v'): Promise<void> => {
      const producer = client.producer();
      await producer.connect();
      const records: OutgoingRecord[] = Array.from({ length: n }, (_, i) => ({
        topic,
        partition,
        key: null,
        value: Buffer.from(`${prefix}-${i}`),
      }));
      await producer.send(records);
      await producer.disconnect();
    };
    const start = async (topic: string, groupId: string, handlers: ConsumerHandlers, maxBatchSize?: number) => {
      const consumer = client.consumer({ groupId, maxBatchSize });
      open.push(consumer);
      await consumer.connect();
      await consumer.subscribe([topic]);
      await consumer.run(handlers);
      return consumer;
    };

    it('delivers batches in offset order and resumes a group from its committed offsets', async () => {
      const topic = await newTopic('cons-basic');
      await produce(topic, 12);
      const groupId = uniqueName('cons-basic');
      const seen: number[] = [];
      const first = await start(topic, groupId, {
        eachBatch: async (batch) => {
          expect(batch.records.length).toBeLessThanOrEqual(5);
          for (const r of batch.records) seen.push(r.offset);
        },
      }, 5);
      await waitFor('12 records', () => seen.length >= 12);
      expect(seen).toEqual([...Array(12).keys()]);
      await first.commit([{ topic, partition: 0, offset: 8 }]);
      await first.disconnect();
      expect(await admin.committedOffsets(groupId, topic)).toEqual([{ topic, partition: 0, offset: 8 }]);

      const again: number[] = [];
      await start(topic, groupId, { eachBatch: async (b) => void again.push(...b.records.map((r) => r.offset)) });
      await waitFor('records after the committed offset', () => again.length >= 4);
      expect(again).toEqual([8, 9, 10, 11]);
    });

    it('hides aborted transactions from read_committed consumers only', async () => {
      const topic = await newTopic('cons-iso');
      const producer = client.producer({ transactionalId: uniqueName('cons-iso') });
      await producer.connect();
      const aborted = await producer.beginTransaction();
      await aborted.send([{ topic, key: null, value: Buffer.from('aborted') }]);
      await aborted.abort();
      const committed = await producer.beginTransaction();
      await committed.send([{ topic, key: null, value: Buffer.from('committed') }]);
      await committed.commit();
      await producer.disconnect();

      const read = { committed: [] as string[], uncommitted: [] as string[] };
      for (const level of ['committed', 'uncommitted'] as const) {
        const consumer = client.consumer({ groupId: uniqueName('cons-iso'), isolationLevel: `read_${level}` });
        open.push(consumer);
        await consumer.connect();
        await consumer.subscribe([topic]);
        await consumer.run({ eachBatch: async (b) => void read[level].push(...b.records.map((r) => r.value?.toString() ?? '')) });
      }
      await waitFor('both consumers', () => read.committed.length >= 1 && read.uncommitted.length >= 2);
      expect(read).toEqual({ committed: ['committed'], uncommitted: ['aborted', 'committed'] });
    });

    it('rewinds to the batch start after an aborted transaction, then processes exactly once', async () => {
      const input = await newTopic('cons-seek-in');
      const output = await newTopic('cons-seek-out');
      await produce(input, 10);
      const groupId = uniqueName('cons-seek');
      const producer = client.producer({ transactionalId: uniqueName('cons-seek') });
      await producer.connect();
      const deliveries: number[][] = [];
      let done = false;
      const consumer: EosConsumer = await start(input, groupId, {
        eachBatch: async (batch: ConsumedBatch) => {
          deliveries.push(batch.records.map((r) => r.offset));
          const txn = await producer.beginTransaction();
          const firstTry = deliveries.length === 1;
          // The first attempt fails half way: abort and rewind the fetch position mid-batch.
          const work = firstTry ? batch.records.slice(0, Math.ceil(batch.records.length / 2)) : batch.records;
          await txn.send(work.map((r) => ({ topic: output, key: null, value: Buffer.from(`out-${r.offset}`) })));
          if (firstTry) {
            await txn.abort();
            consumer.seek({ topic: input, partition: 0, offset: batch.records[0]?.offset ?? 0 });
            return;
          }
          const last = batch.records[batch.records.length - 1]?.offset ?? 0;
          await txn.sendOffsets(consumer, [{ topic: input, partition: 0, offset: last + 1 }]);
          await txn.commit();
          if (last === 9) done = true;
        },
      });
      await waitFor('all input processed', () => done);
      await producer.disconnect();
      expect(deliveries[0]?.[0]).toBe(0);
      expect(deliveries[1]?.[0]).toBe(0);
      const ends = await admin.partitionOffsets(output);
      const outputs: string[] = [];
      for await (const r of client.readRanges(ends.map((e) => ({ topic: output, partition: e.partition, from: 0, to: e.high })))) {
        outputs.push(r.value?.toString() ?? '');
      }
      expect(outputs).toEqual([...Array(10).keys()].map((i) => `out-${i}`));
      expect(await admin.committedOffsets(groupId, input)).toEqual([{ topic: input, partition: 0, offset: 10 }]);
    });

    it('moves the fetch position with seek: forward mid-batch, back after handling', async () => {
      const topic = await newTopic('cons-seek-moves');
      await produce(topic, 10);
      const deliveries: number[][] = [];
      const consumer: EosConsumer = await start(topic, uniqueName('cons-seek-moves'), {
        eachBatch: async (batch) => {
          deliveries.push(batch.records.map((r) => r.offset));
          if (deliveries.length === 1) consumer.seek({ topic, partition: 0, offset: 7 });
        },
      });
      await waitFor('the forward seek', () => deliveries.flat().includes(9) && deliveries.length >= 2);
      expect(deliveries[0]?.[0]).toBe(0);
      expect(deliveries[1]?.[0]).toBe(7);
      const handled = deliveries.length;
      consumer.seek({ topic, partition: 0, offset: 2 });
      await waitFor('the backward seek', () => deliveries.slice(handled).flat().includes(9));
      expect(deliveries[handled]?.[0]).toBe(2);
    });

    it('starts where onAssigned seeks (positions kept outside Kafka)', async () => {
      const topic = await newTopic('cons-seek-assign');
      await produce(topic, 10);
      const deliveries: number[][] = [];
      const consumer: EosConsumer = await start(topic, uniqueName('cons-seek-assign'), {
        onAssigned: (tps) => {
          // run() has resolved before any callback, so `consumer` is set here.
          for (const tp of tps) consumer.seek({ ...tp, offset: 4 });
        },
        eachBatch: async (batch) => void deliveries.push(batch.records.map((r) => r.offset)),
      });
      await waitFor('records', () => deliveries.flat().includes(9));
      expect(deliveries.flat()).toEqual([4, 5, 6, 7, 8, 9]);
    });

    it('stops fetching paused partitions until they are resumed', async () => {
      const topic = await newTopic('cons-pause', 2);
      const seen: Array<[number, number]> = [];
      const consumer = await start(topic, uniqueName('cons-pause'), {
        eachBatch: async (b) => void seen.push(...b.records.map((r): [number, number] => [r.partition, r.offset])),
      });
      await waitFor('assignment', () => consumer.assignment().length === 2);
      consumer.pause([{ topic, partition: 1 }]);
      await produce(topic, 3, 0);
      await produce(topic, 3, 1);
      await waitFor('partition 0', () => seen.filter(([p]) => p === 0).length >= 3);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(seen.filter(([p]) => p === 1)).toEqual([]);
      consumer.resume([{ topic, partition: 1 }]);
      await waitFor('partition 1', () => seen.filter(([p]) => p === 1).length >= 3);
      expect(seen.filter(([p]) => p === 1)).toEqual([[1, 0], [1, 1], [1, 2]]);
    });

    it('stops the loop and reports a handler failure', async () => {
      const topic = await newTopic('cons-fail');
      await produce(topic, 3);
      const errors: Error[] = [];
      let calls = 0;
      await start(topic, uniqueName('cons-fail'), {
        eachBatch: async () => {
          calls++;
          throw new Error('handler broke');
        },
        onError: (err) => errors.push(err),
      });
      await waitFor('the error', () => errors.length > 0);
      await produce(topic, 3);
      await new Promise((resolve) => setTimeout(resolve, 1500));
      expect(calls).toBe(1);
      expect(errors.map((e) => e.message)).toEqual(['handler broke']);
    });

    it('splits partitions when a second member joins, revoking before reassigning', async () => {
      const topic = await newTopic('cons-rebalance', 4);
      const groupId = uniqueName('cons-rebalance');
      const events: string[] = [];
      const handlers = (name: string): ConsumerHandlers => ({
        eachBatch: async () => undefined,
        onAssigned: (tps) => void events.push(`${name} assigned ${sorted(tps).join(',')}`),
        onRevoked: async (tps) => {
          events.push(`${name} revoked ${sorted(tps).join(',')}`);
          // Slow revocation: with confluent the rebalance cannot complete meanwhile.
          await new Promise((resolve) => setTimeout(resolve, 500));
          events.push(`${name} revoke done`);
        },
      });
      const a = await start(topic, groupId, handlers('a'));
      await waitFor('a owns everything', () => a.assignment().length === 4);
      expect(events).toEqual(['a assigned 0,1,2,3']);

      const b = await start(topic, groupId, handlers('b'));
      await waitFor('the split', () => a.assignment().length > 0 && b.assignment().length > 0 && a.assignment().length + b.assignment().length === 4, 60_000);
      const owned = [...sorted(a.assignment()), ...sorted(b.assignment())].sort();
      expect(owned).toEqual([0, 1, 2, 3]);
      const aEvents = events.filter((e) => e.startsWith('a '));
      expect(aEvents.slice(0, 4)).toEqual([
        'a assigned 0,1,2,3',
        'a revoked 0,1,2,3',
        'a revoke done',
        `a assigned ${sorted(a.assignment()).join(',')}`,
      ]);
      const bAssigned = events.indexOf(`b assigned ${sorted(b.assignment()).join(',')}`);
      expect(bAssigned).toBeGreaterThan(0);
      if (kind === 'confluent') {
        // Revocation runs before the rebalance completes.
        expect(events.indexOf('a revoke done')).toBeLessThan(bAssigned);
      }
    });
  });
});
