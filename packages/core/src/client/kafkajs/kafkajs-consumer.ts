/**
 * kafkajs consumer adapter.
 *
 * kafkajs has no revocation callback (eager protocol, assignment arrives in
 * its GROUP_JOIN event) and restarts every partition from the committed
 * offset after each rebalance, even those it keeps. So every GROUP_JOIN after
 * the first is reported as "all old partitions revoked, all new ones
 * assigned", after the fact; batches wait until both callbacks finished.
 */
import type { Consumer, ConsumerCrashEvent, ConsumerGroupJoinEvent, EachBatchPayload, Kafka } from 'kafkajs';
import { registerConsumer } from '../consumer-registry.js';
import { ConsumerLoop } from '../consumer-loop.js';
import { toEoskitError } from '../error-table.js';
import { groupCall } from './kafkajs-group-call.js';
import { toOffset } from '../record-positions.js';
import { toConsumedRecord, type RawMessage } from '../records.js';
import type { ConsumerHandlers, ConsumerOptions, EosConsumer, TopicPartition, TopicPartitionOffset } from '../types.js';
import { byTopic, resolveConsumerOptions } from '../consumer-options.js';

export function createKafkajsConsumer(kafka: Kafka, owner: object, given: ConsumerOptions): EosConsumer {
  const options = resolveConsumerOptions(given);
  const consumer: Consumer = kafka.consumer({
    groupId: options.groupId,
    readUncommitted: options.isolationLevel === 'read_uncommitted',
    sessionTimeout: options.sessionTimeoutMs,
    heartbeatInterval: options.heartbeatIntervalMs,
    rebalanceTimeout: options.maxPollIntervalMs,
    maxWaitTimeInMs: 500,
    allowAutoTopicCreation: false,
  });
  let loop: ConsumerLoop | undefined;
  let closing = false;
  const fail = (op: string, err: unknown): Error => toEoskitError('kafkajs', err, { op: `${op} (group "${options.groupId}")` });

  const onJoin = (event: ConsumerGroupJoinEvent, current: ConsumerLoop, first: { done: boolean }): void => {
    const next: TopicPartition[] = Object.entries(event.payload.memberAssignment).flatMap(([topic, partitions]) =>
      partitions.map((partition) => ({ topic, partition })),
    );
    void current.rebalance(async () => {
      if (first.done) {
        const old = [...current.assigned.values()];
        // kafkajs keeps pauses across rejoins; revocation ends them here as in confluent.
        const paused = [...current.paused.values()];
        if (paused.length > 0) groupCall('resume', () => consumer.resume(byTopic(paused)));
        await current.revoke(old);
      }
      first.done = true;
      await current.assign(next);
    });
  };

  const eosConsumer: EosConsumer = {
    groupId: options.groupId,
    async connect() {
      await consumer.connect().catch((err: unknown) => Promise.reject(fail('connect', err)));
    },
    async subscribe(topics) {
      await consumer
        .subscribe({ topics, fromBeginning: options.fromBeginning })
        .catch((err: unknown) => Promise.reject(fail(`subscribe to ${topics.join(', ')}`, err)));
    },
    async run(handlers: ConsumerHandlers) {
      const current = new ConsumerLoop(handlers, options.maxBatchSize, (partitions) => {
        if (partitions.length > 0) groupCall('pause', () => consumer.pause(byTopic(partitions)));
      });
      loop = current;
      const first = { done: false };
      consumer.on(consumer.events.GROUP_JOIN, (event) => onJoin(event, current, first));
      consumer.on(consumer.events.CRASH, (event: ConsumerCrashEvent) => {
        if (!event.payload.restart) current.fail(fail('consume', event.payload.error));
        // kafkajs arms its restart timer right after this event, even when disconnect()
        // ran meanwhile (its crash handling disconnects first, then decides): a restart
        // then joins the group again and keeps the process alive. Stop clears the timer.
        else if (closing) setImmediate(() => void consumer.stop().catch(() => undefined));
      });
      // Not awaited: kafkajs' run resolves only after joining the group, confluent's at
      // once; both adapters resolve before the first callback. Failures go to onError.
      void consumer
        .run({
          autoCommit: false,
          eachBatchAutoResolve: false,
          partitionsConsumedConcurrently: 1,
          eachBatch: async ({ batch, resolveOffset, isStale }: EachBatchPayload) => {
            const tp = { topic: batch.topic, partition: batch.partition };
            const records = batch.messages.map((m) => toConsumedRecord(tp.topic, tp.partition, m as RawMessage));
            const outcome = await current.deliver(tp, records, toOffset(batch.highWatermark, 'highWatermark'), isStale);
            // Resolving moves kafkajs' fetch position past the batch, including
            // trailing control records; a seek or a failure leaves it alone.
            if (outcome === 'handled' && !isStale()) resolveOffset(batch.lastOffset());
          },
        })
        .catch((err: unknown) => current.fail(fail('run', err)));
    },
    async commit(offsets: TopicPartitionOffset[]) {
      await consumer
        .commitOffsets(offsets.map((o) => ({ topic: o.topic, partition: o.partition, offset: String(o.offset) })))
        .catch((err: unknown) => Promise.reject(fail('commit offsets', err)));
    },
    seek(position) {
      if (!loop?.isAssigned(position)) return;
      loop.noteSeek(position);
      const { topic, partition, offset } = position;
      // Between generations kafkajs cannot seek; its rejoin restarts from the committed offsets.
      groupCall(`seek ${topic}[${partition}] (group "${options.groupId}")`, () => consumer.seek({ topic, partition, offset: String(offset) }));
    },
    pause(partitions) {
      const owned = loop?.markPaused(partitions) ?? [];
      if (owned.length > 0) groupCall(`pause (group "${options.groupId}")`, () => consumer.pause(byTopic(owned)));
    },
    resume(partitions) {
      if (!loop || partitions.length === 0) return;
      loop.markResumed(partitions);
      groupCall(`resume (group "${options.groupId}")`, () => consumer.resume(byTopic(partitions)));
    },
    assignment() {
      return [...(loop?.assigned.values() ?? [])];
    },
    async disconnect() {
      closing = true;
      await consumer.disconnect().catch((err: unknown) => Promise.reject(fail('disconnect', err)));
    },
  };
  registerConsumer(eosConsumer, owner, consumer);
  return eosConsumer;
}
