/**
 * readRanges for kafkajs, which has no group-less consumer: a throwaway group
 * subscribes to the topics, seeks every wanted partition to its range start on
 * each assignment (pausing the others), and is deleted afterwards.
 *
 * A range is done when the fetch position passes its end. kafkajs reports
 * that position through `batch.lastOffset()`, which includes control records
 * and aborted records; batches made only of those never reach `eachBatch`, so
 * the END_BATCH_PROCESS event (which kafkajs emits for them too) is watched.
 */
import { randomUUID } from 'node:crypto';
import type { Consumer, ConsumerEndBatchProcessEvent, ConsumerGroupJoinEvent, Kafka } from 'kafkajs';
import { EoskitError } from '../../errors.js';
import { AsyncChannel } from '../async-channel.js';
import { byTopic } from '../consumer-options.js';
import { toEoskitError } from '../error-table.js';
import { RangePlan } from '../range-plan.js';
import { toOffset } from '../record-positions.js';
import { toConsumedRecord, type RawMessage } from '../records.js';
import type { ConsumedRecord, PartitionRange, ReadRangesOptions, TopicPartition } from '../types.js';

export async function* kafkajsReadRanges(
  kafka: Kafka,
  ranges: readonly PartitionRange[],
  options: ReadRangesOptions = {},
): AsyncGenerator<ConsumedRecord> {
  const plan = new RangePlan(ranges);
  if (plan.done) return;
  const groupId = `eoskit-read-ranges-${randomUUID()}`;
  const consumer: Consumer = kafka.consumer({
    groupId,
    readUncommitted: options.isolationLevel === 'read_uncommitted',
    maxWaitTimeInMs: 250,
    allowAutoTopicCreation: false,
  });
  const channel = new AsyncChannel<ConsumedRecord>();
  const timeoutMs = options.timeoutMs ?? 60_000;
  const timer = setTimeout(() => {
    channel.fail(new EoskitError('TIMEOUT', `kafkajs: readRanges did not finish within ${timeoutMs} ms; missing ${plan.describeMissing()}`, { retriable: true }));
  }, timeoutMs);

  const advance = (tp: TopicPartition, lastOffset: string): void => {
    if (plan.advance(tp, toOffset(lastOffset, `${tp.topic}[${tp.partition}]`) + 1)) consumer.pause(byTopic([tp]));
    if (plan.done) channel.close();
  };

  try {
    consumer.on(consumer.events.GROUP_JOIN, (event: ConsumerGroupJoinEvent) => {
      const idle: TopicPartition[] = [];
      for (const [topic, partitions] of Object.entries(event.payload.memberAssignment)) {
        for (const partition of partitions) {
          const next = plan.nextOffset({ topic, partition });
          // Runs synchronously inside kafkajs' join, before its first fetch.
          if (next === undefined) idle.push({ topic, partition });
          else consumer.seek({ topic, partition, offset: String(next) });
        }
      }
      if (idle.length > 0) consumer.pause(byTopic(idle));
    });
    consumer.on(consumer.events.END_BATCH_PROCESS, (event: ConsumerEndBatchProcessEvent) => {
      const { topic, partition, lastOffset } = event.payload;
      advance({ topic, partition }, lastOffset);
    });
    consumer.on(consumer.events.CRASH, (event) => {
      if (!event.payload.restart) channel.fail(toEoskitError('kafkajs', event.payload.error, { op: 'readRanges' }));
    });
    await consumer.connect();
    await consumer.subscribe({ topics: plan.topics, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset }) => {
        const tp = { topic: batch.topic, partition: batch.partition };
        if (plan.nextOffset(tp) === undefined) return;
        const records = batch.messages
          .map((m) => toConsumedRecord(tp.topic, tp.partition, m as RawMessage))
          .filter((r) => plan.wants(r));
        await channel.push(records);
        resolveOffset(batch.lastOffset());
        advance(tp, batch.lastOffset());
      },
    });
    for await (const record of channel) yield record;
  } catch (err) {
    throw toEoskitError('kafkajs', err, { op: 'readRanges' });
  } finally {
    clearTimeout(timer);
    channel.close();
    await consumer.disconnect().catch(() => undefined);
    await deleteGroup(kafka, groupId);
  }
}

/** Best effort: an empty throwaway group would otherwise linger until offsets.retention.minutes. */
async function deleteGroup(kafka: Kafka, groupId: string): Promise<void> {
  const admin = kafka.admin({ retry: { retries: 2 } });
  try {
    await admin.connect();
    await admin.deleteGroups([groupId]);
  } catch {
    // Nothing was committed, so the group holds no state worth keeping.
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
