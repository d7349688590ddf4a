/**
 * confluent consumer adapter (`@confluentinc/kafka-javascript` KafkaJS API).
 *
 * Rebalances: the layer calls a `rebalance_cb` given in the config and awaits
 * it before it assigns or unassigns, while no batch is being processed, so
 * `onRevoked` runs before the rebalance completes. The assignor is set to
 * round-robin (eager), matching kafkajs. Seeks made in `onAssigned` become
 * the start offsets of the assignment (the adapter assigns itself).
 *
 * Batches: `js.consumer.max.batch.size` bounds them; `eachBatchAutoResolve` is
 * off and the adapter resolves the last offset itself once a batch is
 * handled, so the layer does not rewind (it seeks back to the first
 * unresolved offset otherwise). The layer swallows handler errors and
 * redelivers; the adapter stops the loop instead (types.ts).
 */
import { registerConsumer } from '../consumer-registry.js';
import { ConsumerLoop } from '../consumer-loop.js';
import { byTopic, resolveConsumerOptions } from '../consumer-options.js';
import { toEoskitError } from '../error-table.js';
import { partitionKey, toOffset } from '../record-positions.js';
import { toConsumedRecord, type RawMessage } from '../records.js';
import type { ConsumerHandlers, ConsumerOptions, EosConsumer, TopicPartition } from '../types.js';
import type { CfBatchPayload, CfConsumer, CfKafka, CfTopicPartition, ConfluentConfig } from './confluent-types.js';

const ASSIGN = -175; // ERR__ASSIGN_PARTITIONS
const REVOKE = -174; // ERR__REVOKE_PARTITIONS

export function createConfluentConsumer(kafka: CfKafka, owner: object, given: ConsumerOptions, base: ConfluentConfig): EosConsumer {
  const options = resolveConsumerOptions(given);
  let loop: ConsumerLoop | undefined;
  let closing = false;
  const fail = (op: string, err: unknown): Error =>
    toEoskitError('confluent', err, { op: `${op} (group "${options.groupId}")` });

  /** Seeks made inside onAssigned: they become the assignment's start offsets. */
  let assigning: Map<string, number> | undefined;

  const onRebalance = async (
    err: { code?: number },
    assignment: CfTopicPartition[],
    fns?: { assign(partitions: Array<CfTopicPartition & { offset?: number }>): void },
  ): Promise<void> => {
    const current = loop;
    if (!current || closing) return;
    const partitions: TopicPartition[] = assignment.map((tp) => ({ topic: tp.topic, partition: tp.partition }));
    if (err.code === REVOKE) {
      await current.rebalance(() => current.revoke([...current.assigned.values()]));
      return;
    }
    if (err.code !== ASSIGN) return;
    // A seek on a partition librdkafka has not started fetching fails, so seeks made
    // in onAssigned are handed to librdkafka's assign as start offsets instead.
    const starts = new Map<string, number>();
    assigning = starts;
    try {
      await current.rebalance(() => current.assign(partitions));
    } finally {
      assigning = undefined;
    }
    fns?.assign(partitions.map((tp) => {
      const offset = starts.get(partitionKey(tp));
      return offset === undefined ? { ...tp } : { ...tp, offset };
    }));
  };

  const consumer: CfConsumer = kafka.consumer({
    ...base,
    kafkaJS: {
      ...(base.kafkaJS as object),
      groupId: options.groupId,
      fromBeginning: options.fromBeginning,
      autoCommit: false,
      ...(options.sessionTimeoutMs === undefined ? {} : { sessionTimeout: options.sessionTimeoutMs }),
      ...(options.heartbeatIntervalMs === undefined ? {} : { heartbeatInterval: options.heartbeatIntervalMs }),
      ...(options.maxPollIntervalMs === undefined ? {} : { rebalanceTimeout: options.maxPollIntervalMs }),
    },
    'isolation.level': options.isolationLevel,
    'js.consumer.max.batch.size': options.maxBatchSize,
    'partition.assignment.strategy': 'roundrobin',
    'allow.auto.create.topics': false,
    rebalance_cb: onRebalance,
  });

  const eachBatch = async (current: ConsumerLoop, payload: CfBatchPayload): Promise<void> => {
    const { batch } = payload;
    const tp = { topic: batch.topic, partition: batch.partition };
    const records = batch.messages.map((m) => toConsumedRecord(tp.topic, tp.partition, m as RawMessage));
    const high = Number(batch.highWatermark);
    const outcome = await current.deliver(tp, records, Number.isSafeInteger(high) && high >= 0 ? high : -1);
    if (outcome === 'handled') payload.resolveOffset(batch.lastOffset());
  };

  const eosConsumer: EosConsumer = {
    groupId: options.groupId,
    async connect() {
      await consumer.connect().catch((err: unknown) => Promise.reject(fail('connect', err)));
    },
    async subscribe(topics) {
      await consumer.subscribe({ topics }).catch((err: unknown) => Promise.reject(fail(`subscribe to ${topics.join(', ')}`, err)));
    },
    async run(handlers: ConsumerHandlers) {
      const current = new ConsumerLoop(handlers, options.maxBatchSize, (partitions) => {
        if (partitions.length > 0) consumer.pause(byTopic(partitions));
      });
      loop = current;
      await consumer
        .run({ eachBatchAutoResolve: false, partitionsConsumedConcurrently: 1, eachBatch: (payload) => eachBatch(current, payload) })
        .catch((err: unknown) => Promise.reject(fail('run', err)));
    },
    async commit(offsets) {
      await consumer
        .commitOffsets(offsets.map((o) => ({ topic: o.topic, partition: o.partition, offset: String(toOffset(o.offset, o.topic)) })))
        .catch((err: unknown) => Promise.reject(fail('commit offsets', err)));
    },
    seek(position) {
      if (!loop?.isAssigned(position)) return;
      loop.noteSeek(position);
      if (assigning) assigning.set(partitionKey(position), position.offset);
      else consumer.seek({ topic: position.topic, partition: position.partition, offset: String(position.offset) });
    },
    pause(partitions) {
      const owned = loop?.markPaused(partitions) ?? [];
      if (owned.length > 0) consumer.pause(byTopic(owned));
    },
    resume(partitions) {
      if (!loop || partitions.length === 0) return;
      loop.markResumed(partitions);
      consumer.resume(byTopic(partitions));
    },
    assignment() {
      return [...(loop?.assigned.values() ?? [])];
    },
    async disconnect() {
      // Revocation during close is not reported (types.ts): the caller finished its work.
      closing = true;
      await consumer.disconnect().catch((err: unknown) => Promise.reject(fail('disconnect', err)));
    },
  };
  registerConsumer(eosConsumer, owner, consumer);
  return eosConsumer;
}
