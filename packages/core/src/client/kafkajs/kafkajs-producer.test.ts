import type { Kafka, RecordMetadata } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { EoskitError } from '../../errors.js';
import { createEosProducer } from '../eos-producer.js';
import { PartitionCounts } from '../partition-counts.js';
import { createPartitioner } from '../partitioner.js';
import { resolveProducerSettings } from '../producer-settings.js';
import type { RecordPosition } from '../types.js';
import { createKafkajsProducerDriver } from './kafkajs-producer.js';

interface FakeBatch {
  topicMessages: Array<{ topic: string; messages: Array<{ partition: number }> }>;
}

/**
 * A kafkajs producer whose sendBatch answers with those of `results` whose partitions the batch
 * holds (kafkajs#1303: after a leader moved mid-send, kafkajs resolves without mentioning the
 * partitions it never sent).
 */
function fakeKafka(results: RecordMetadata[]) {
  const batches: FakeBatch[] = [];
  const producer = {
    connect: async () => undefined,
    disconnect: async () => undefined,
    sendBatch: async (batch: FakeBatch) => {
      batches.push(batch);
      const sent = new Set(batch.topicMessages.flatMap((t) => t.messages.map((m) => `${t.topic}:${m.partition}`)));
      return results.filter((r) => sent.has(`${r.topicName}:${r.partition}`));
    },
  };
  const kafka = { producer: () => producer } as unknown as Kafka;
  return { kafka, batches };
}

const answer = (partition: number, baseOffset: string): RecordMetadata => ({ topicName: 't', partition, errorCode: 0, baseOffset });

const record = (partition: number) => ({ topic: 't', key: null, value: Buffer.from(`p${partition}`), partition });

async function rejection(promise: Promise<unknown>): Promise<EoskitError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof EoskitError) return err;
    throw err;
  }
  throw new Error('expected a rejection');
}

describe('core > client > kafkajs > producer driver', () => {
  it('fails a send that kafkajs resolves without confirming every partition (kafkajs#1303), and is spent after it', async () => {
    const { kafka, batches } = fakeKafka([answer(0, '40')]);
    const driver = createKafkajsProducerDriver(kafka, resolveProducerSettings('kafkajs'));
    const producer = createEosProducer({
      kind: 'kafkajs',
      owner: {},
      transactionalId: undefined,
      driver,
      partitionCounts: new PartitionCounts(async () => 2),
      choosePartition: createPartitioner(),
    });
    await producer.connect();
    let positions: RecordPosition[] | undefined;
    const err = await rejection(producer.send([record(0), record(1)]).then((p) => (positions = p)));
    expect(positions).toBeUndefined();
    expect(err.code).toBe('KAFKA');
    expect(err.retriable).toBe(true);
    expect(err.message).toContain('t[1]');
    expect(err.message).toContain('kafkajs#1303');

    // Spent: the producer refuses further sends, and so does the driver itself.
    expect((await rejection(producer.send([record(0)]))).code).toBe('CLOSED');
    expect(await rejection(driver.send([record(0)], false))).toBe(err);
    expect(batches).toHaveLength(2); // that one send, one request per partition
  });

  it('resolves one position per record when every partition is confirmed', async () => {
    const { kafka } = fakeKafka([answer(0, '40'), answer(1, '7')]);
    const driver = createKafkajsProducerDriver(kafka, resolveProducerSettings('kafkajs'));
    expect(await driver.send([record(0), record(1), record(0)], false)).toEqual([
      { topic: 't', partition: 0, offset: 40 },
      { topic: 't', partition: 1, offset: 7 },
      { topic: 't', partition: 0, offset: 41 },
    ]);
  });

  it('makes one kafkajs request per partition, the records of each in their order', async () => {
    // A multi-broker sendBatch whose request to a dead broker fails is retried by kafkajs to the
    // brokers still answering too, with new sequence numbers: the records land twice.
    const { kafka, batches } = fakeKafka([answer(0, '40'), answer(1, '7')]);
    const driver = createKafkajsProducerDriver(kafka, resolveProducerSettings('kafkajs'));
    const values = (b: FakeBatch) => b.topicMessages.flatMap((t) => t.messages.map((m) => `${t.topic}[${m.partition}]`));
    await driver.send([record(0), record(1), record(0)], false);
    expect(batches.map(values)).toEqual([['t[0]', 't[0]'], ['t[1]']]);
  });
});
