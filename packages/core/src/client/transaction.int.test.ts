import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedBrokers, uniqueName } from '../../../../test/helpers/kafka.js';
import { EoskitError } from '../errors.js';
import { createClient } from './create-client.js';
import type { ClientKind, ConsumedRecord, EosAdmin, KafkaClient, OutgoingRecord } from './types.js';

const CLIENTS: ClientKind[] = ['kafkajs', 'confluent'];
const SIZES = [1, 3] as const;

async function collect(iterable: AsyncIterable<ConsumedRecord>): Promise<ConsumedRecord[]> {
  const out: ConsumedRecord[] = [];
  for await (const record of iterable) out.push(record);
  return out;
}

const values = (records: ConsumedRecord[]): string[] => records.map((r) => r.value?.toString() ?? '').sort();

/** Retries an assertion for a few seconds (for effects the broker applies asynchronously). */
async function eventually(check: () => Promise<void>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (err) {
      if (Date.now() > deadline) throw err;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

async function failure(promise: Promise<unknown>): Promise<EoskitError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof EoskitError) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

describe.each(CLIENTS)('core > client > %s > transactions', (kind) => {
  describe.each(SIZES)('on the %i-node cluster', (nodes) => {
    let client: KafkaClient;
    let admin: EosAdmin;

    beforeAll(async () => {
      client = await createClient({ client: kind, brokers: sharedBrokers(nodes) });
      admin = client.admin();
      await admin.connect();
    });
    afterAll(async () => {
      await admin?.disconnect();
      await client?.close();
    });

    const newTopic = async (prefix: string, numPartitions = 1): Promise<string> => {
      const topic = uniqueName(`${prefix}-${kind}-${nodes}`);
      await admin.createTopics([{ topic, numPartitions }]);
      return topic;
    };
    const wholeTopic = async (topic: string) =>
      (await admin.partitionOffsets(topic)).map((p) => ({ topic, partition: p.partition, from: p.low, to: p.high }));
    const recordsFor = (topic: string, prefix: string, n: number): OutgoingRecord[] =>
      Array.from({ length: n }, (_, i) => ({ topic, key: Buffer.from(`k${i}`), value: Buffer.from(`${prefix}-${i}`) }));

    it('shows committed records to read_committed and hides aborted ones, which read_uncommitted still sees', async () => {
      const topic = await newTopic('txn-vis', 2);
      const producer = client.producer({ transactionalId: uniqueName('tx-vis') });
      await producer.connect();
      const committed = await producer.beginTransaction();
      const positions = await committed.send(recordsFor(topic, 'committed', 4));
      await committed.commit();
      const aborted = await producer.beginTransaction();
      await aborted.send(recordsFor(topic, 'aborted', 3));
      await aborted.abort();
      await producer.disconnect();

      expect(positions).toHaveLength(4);
      const ranges = await wholeTopic(topic);
      const readCommitted = await collect(client.readRanges(ranges));
      const readUncommitted = await collect(client.readRanges(ranges, { isolationLevel: 'read_uncommitted' }));
      expect(values(readCommitted)).toEqual(['committed-0', 'committed-1', 'committed-2', 'committed-3']);
      expect(values(readUncommitted)).toEqual([...values(readCommitted), 'aborted-0', 'aborted-1', 'aborted-2'].sort());
    });

    it('commits consumed offsets only when the transaction commits', async () => {
      const input = await newTopic('txn-in');
      const output = await newTopic('txn-out');
      const groupId = uniqueName('txn-group');
      const seed = client.producer();
      await seed.connect();
      await seed.send(recordsFor(input, 'in', 5));
      await seed.disconnect();

      const consumer = client.consumer({ groupId });
      await consumer.connect();
      await consumer.subscribe([input]);
      const batches: number[] = [];
      let assigned!: () => void;
      const assignedOnce = new Promise<void>((resolve) => (assigned = resolve));
      await consumer.run({ eachBatch: async (batch) => void batches.push(batch.records.length), onAssigned: () => assigned() });
      await assignedOnce;

      const producer = client.producer({ transactionalId: uniqueName('tx-offsets') });
      await producer.connect();
      const committedOffset = async () => (await admin.committedOffsets(groupId, input))[0]?.offset;
      const first = await producer.beginTransaction();
      await first.send(recordsFor(output, 'out', 1));
      await first.sendOffsets(consumer, [{ topic: input, partition: 0, offset: 3 }]);
      await first.abort();

      // A new transaction adds partitions only once the aborted one is complete,
      // so from here on the group's committed offset is final.
      const second = await producer.beginTransaction();
      await second.send(recordsFor(output, 'out', 1));
      expect(await committedOffset()).toBe(-1);
      await second.sendOffsets(consumer, [{ topic: input, partition: 0, offset: 5 }]);
      await second.commit();
      // kafkajs reads offsets without require_stable (OffsetFetch v4), so it may lag the markers briefly.
      await eventually(async () => expect(await committedOffset()).toBe(5));

      // sendOffsets as the first call right after a commit (kafkajs does not retry its CONCURRENT_TRANSACTIONS).
      const third = await producer.beginTransaction();
      await third.sendOffsets(consumer, [{ topic: input, partition: 0, offset: 7 }]);
      await third.commit();
      await eventually(async () => expect(await committedOffset()).toBe(7));
      await producer.disconnect();
      await consumer.disconnect();
    });

    it('refuses a consumer made by another client for sendOffsets', async () => {
      const other = await createClient({ client: kind, brokers: sharedBrokers(nodes) });
      const producer = client.producer({ transactionalId: uniqueName('tx-foreign') });
      await producer.connect();
      const txn = await producer.beginTransaction();
      const err = await failure(txn.sendOffsets(other.consumer({ groupId: 'g' }), [{ topic: 't', partition: 0, offset: 1 }]));
      expect(err.code).toBe('CONFIG_INVALID');
      await txn.abort();
      await producer.disconnect();
      await other.close();
    });

    // 'send to a new partition': librdkafka fails AddPartitionsToTxn fatally and purges the
    // queued records, so the send itself only sees ERR__PURGE_QUEUE unless the adapter asks why.
    it.each(['send', 'send to a new partition', 'commit'] as const)('fences the older of two producers sharing a transactional id (next call: %s)', async (next) => {
      const topic = await newTopic('txn-fence', 2);
      const transactionalId = uniqueName('tx-fence');
      const zombie = client.producer({ transactionalId });
      await zombie.connect();
      const zombieTxn = await zombie.beginTransaction();
      await zombieTxn.send(recordsFor(topic, 'zombie', 2).map((r) => ({ ...r, partition: 0 })));

      const successor = client.producer({ transactionalId });
      await successor.connect();

      const late = (partition: number) => recordsFor(topic, 'late', 3).map((r) => ({ ...r, partition }));
      const err = await failure(
        next === 'commit' ? zombieTxn.commit() : zombieTxn.send(late(next === 'send' ? 0 : 1)),
      );
      expect(err.code).toBe('PRODUCER_FENCED');
      expect(err.retriable).toBe(false);
      // The failure rule: only abort and disconnect remain.
      expect((await failure(zombie.beginTransaction())).code).toBe('CLOSED');
      await zombieTxn.abort().catch(() => undefined);
      await zombie.disconnect();

      const txn = await successor.beginTransaction();
      await txn.send(recordsFor(topic, 'successor', 2));
      await txn.commit();
      await successor.disconnect();
      expect(values(await collect(client.readRanges(await wholeTopic(topic))))).toEqual(['successor-0', 'successor-1']);
    });

    it('keeps transactional and plain sends apart', async () => {
      const transactional = client.producer({ transactionalId: uniqueName('tx-plain') });
      await transactional.connect();
      expect((await failure(transactional.send([]))).code).toBe('TXN_STATE');
      await transactional.disconnect();
      const plain = client.producer();
      await plain.connect();
      expect((await failure(plain.beginTransaction())).code).toBe('TXN_STATE');
      await plain.disconnect();
    });
  });
});
