/**
 * kafkajs producer driver.
 *
 * - Retries: kafkajs silently uses `retries: 5` (its idempotent default of
 *   MAX never applies); we give it as many quick retries as fit in
 *   `deliveryTimeoutMs` and bound each send by that time (kafkajs has no
 *   delivery timeout). A send that times out has an unknown outcome.
 * - One send at a time per producer: kafkajs rolls a partition's sequence back
 *   when a request fails and retries with the same numbers; that is only safe
 *   (the broker deduplicates) when no other send took those numbers meanwhile.
 *   Its per-broker lock already allows one produce request in flight per
 *   broker, so `maxInFlightRequests` is left unset.
 * - One kafkajs `sendBatch` per partition, run side by side: when one broker's
 *   request of a multi-broker `sendBatch` fails, kafkajs retries at once to
 *   every broker that has not answered yet, including those whose first
 *   request is still waiting for the in-sync replicas; both then land, the
 *   second with new sequence numbers, so the broker keeps both (seen after a
 *   broker kill: one send's records twice in a committed transaction).
 *   Requests to one broker still queue on kafkajs' broker lock.
 * - Transactional producers initialise their id on `connect()` through an
 *   empty transaction (kafkajs only does it lazily), fencing older instances.
 */
import type { Kafka, Producer, RecordMetadata, Transaction } from 'kafkajs';
import { CompressionTypes, Partitioners } from './kafkajs-module.js';
import { EoskitError } from '../../errors.js';
import type { ProducerDriver } from '../eos-producer.js';
import { kafkajsRetry, type ProducerSettings } from '../producer-settings.js';
import { partitionKey, positionsFromBaseOffsets, toOffset } from '../record-positions.js';
import type { PartitionedRecord } from '../records.js';
import type { EosConsumer, RecordPosition, TopicPartitionOffset } from '../types.js';
import { sleep, withDeadline } from '../with-deadline.js';

export function createKafkajsProducerDriver(kafka: Kafka, settings: ProducerSettings): ProducerDriver {
  const producer: Producer = kafka.producer({
    idempotent: true,
    transactionalId: settings.transactionalId,
    transactionTimeout: settings.transactionTimeoutMs,
    retry: kafkajsRetry(settings.deliveryTimeoutMs),
    createPartitioner: Partitioners.DefaultPartitioner,
    allowAutoTopicCreation: false,
  });
  let txn: Transaction | undefined;
  let queue: Promise<unknown> = Promise.resolve();
  let inFlight: Promise<unknown> = Promise.resolve();
  let broken: Error | undefined;

  const compression = settings.compression === 'gzip' ? CompressionTypes.GZIP : CompressionTypes.None;

  const sendNow = async (
    records: PartitionedRecord[],
    sender: Producer | Transaction,
    deadline: number,
  ): Promise<RecordPosition[]> => {
    if (broken) throw broken;
    const remaining = deadline - Date.now();
    if (remaining <= 0) {
      throw new EoskitError('TIMEOUT', `kafkajs send of ${records.length} record(s) waited ${settings.deliveryTimeoutMs} ms behind earlier sends; nothing was sent`, { retriable: true });
    }
    // One kafkajs request per partition (see the file comment): its retry then re-sends only what failed.
    const byPartition = new Map<string, PartitionedRecord[]>();
    for (const record of records) {
      const key = partitionKey(record);
      const list = byPartition.get(key) ?? [];
      list.push(record);
      byPartition.set(key, list);
    }
    const request = Promise.all(
      [...byPartition.values()].map((list) =>
        sender.sendBatch({
          acks: -1,
          compression,
          topicMessages: [
            {
              topic: list[0]!.topic,
              messages: list.map((r) => ({
                key: r.key,
                value: r.value,
                partition: r.partition,
                headers: r.headers,
                timestamp: r.timestamp === undefined ? undefined : String(r.timestamp),
              })),
            },
          ],
        }),
      ),
    ).then((parts) => parts.flat());
    inFlight = request.catch(() => undefined);
    let results: RecordMetadata[];
    try {
      results = await withDeadline(request, remaining, `kafkajs send of ${records.length} record(s)`);
    } catch (err) {
      broken = err instanceof Error ? err : new Error(String(err));
      throw err;
    }
    const bases = new Map<string, number>();
    for (const result of results) {
      bases.set(partitionKey({ topic: result.topicName, partition: result.partition }), toOffset(result.baseOffset, 'kafkajs produce response'));
    }
    const unconfirmed = unconfirmedPartitions(records, bases);
    if (unconfirmed.length > 0) {
      // kafkajs#1303: after a leader dies mid-send, its retry skips brokers that already
      // answered, so partitions that moved there are never sent, yet send() resolves.
      // Whether the first attempt landed is unknown: only a new producer plus a look at
      // the log can tell, so the producer is spent and the error is retriable.
      broken = new EoskitError(
        'KAFKA',
        `kafkajs resolved a send without confirming ${unconfirmed.join(', ')} (kafkajs#1303); their records' outcome is unknown`,
        { retriable: true },
      );
      throw broken;
    }
    return positionsFromBaseOffsets(records, bases);
  };

  const transaction = (): Transaction => {
    if (!txn) throw new EoskitError('TXN_STATE', 'no open kafkajs transaction');
    return txn;
  };

  return {
    async connect() {
      await producer.connect();
      if (settings.transactionalId !== undefined) {
        const fence = await producer.transaction();
        // Ending an empty kafkajs transaction sends nothing; the producer id is now initialised.
        await fence.abort();
      }
    },
    send(records, inTransaction) {
      const sender = inTransaction ? transaction() : producer;
      // delivery.timeout.ms counts from the call, as in Java, including time queued behind other sends.
      const deadline = Date.now() + settings.deliveryTimeoutMs;
      const run = queue.then(() => sendNow(records, sender, deadline));
      queue = run.catch(() => undefined);
      return run;
    },
    async begin() {
      txn = await producer.transaction();
    },
    async sendOffsets(_native: unknown, consumer: EosConsumer, offsets: TopicPartitionOffset[]) {
      const byTopic = new Map<string, Array<{ partition: number; offset: string }>>();
      for (const o of offsets) {
        const list = byTopic.get(o.topic) ?? [];
        list.push({ partition: o.partition, offset: String(o.offset) });
        byTopic.set(o.topic, list);
      }
      // TxnOffsetCommit v1: group id only, no generation (no KIP-447).
      const send = () =>
        transaction().sendOffsets({
          consumerGroupId: consumer.groupId,
          topics: [...byTopic].map(([topic, partitions]) => ({ topic, partitions })),
        });
      // kafkajs does not retry AddOffsetsToTxn's CONCURRENT_TRANSACTIONS (the previous
      // transaction is still completing, kafkajs#1068); nothing was added yet, so ask again.
      const deadline = Date.now() + settings.transactionTimeoutMs;
      for (let wait = 50; ; wait = Math.min(wait * 2, 1000)) {
        try {
          return await send();
        } catch (err) {
          if ((err as { type?: unknown }).type !== 'CONCURRENT_TRANSACTIONS' || Date.now() + wait > deadline) throw err;
          await sleep(wait);
        }
      }
    },
    async commit() {
      await transaction().commit();
      txn = undefined;
    },
    async abort() {
      await transaction().abort();
      txn = undefined;
    },
    async disconnect() {
      // Let a timed-out send finish its (bounded) retries first: afterwards nothing
      // from this producer can still land.
      await withDeadline(inFlight, settings.deliveryTimeoutMs, 'kafkajs in-flight send').catch(() => undefined);
      await producer.disconnect();
    },
  };
}

/** Partitions of `records` that the produce response does not mention. */
function unconfirmedPartitions(records: readonly PartitionedRecord[], bases: ReadonlyMap<string, number>): string[] {
  const missing = new Set<string>();
  for (const record of records) {
    if (!bases.has(partitionKey(record))) missing.add(`${record.topic}[${record.partition}]`);
  }
  return [...missing];
}
