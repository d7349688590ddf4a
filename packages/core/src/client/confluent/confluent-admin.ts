/**
 * confluent admin adapter. `@confluentinc/kafka-javascript` 1.10 has no
 * describeConfigs and no describeCluster, so those two calls go through
 * kafkajs' admin (kafkajs is always installed with core).
 */
import { EoskitError } from '../../errors.js';
import { toEoskitError } from '../error-table.js';
import { toOffset } from '../record-positions.js';
import type { EosAdmin, TopicDescription } from '../types.js';
import { sleep } from '../with-deadline.js';
import type { CfAdmin } from './confluent-types.js';
import { waitForLeaders } from '../wait-for-leaders.js';

const TIMEOUT_MS = 30_000;
/** How long `partitionOffsets` waits for offsets librdkafka reports as -1 (no leader known yet). */
export const OFFSETS_WAIT_MS = 10_000;
/** Kafka's UNSTABLE_OFFSET_COMMIT. */
const UNSTABLE_OFFSET_COMMIT = 88;

export function createConfluentAdmin(admin: CfAdmin, viaKafkajs: EosAdmin, offsetsWaitMs = OFFSETS_WAIT_MS): EosAdmin {
  let kafkajsConnected: Promise<void> | undefined;
  const helper = async (): Promise<EosAdmin> => {
    kafkajsConnected ??= viaKafkajs.connect().catch((err: unknown) => {
      kafkajsConnected = undefined;
      throw err;
    });
    await kafkajsConnected;
    return viaKafkajs;
  };
  const call = async <T>(op: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      throw toEoskitError('confluent', err, { op });
    }
  };
  const describe = async (topics: string[]): Promise<TopicDescription[]> => {
    const described = await call(`describe topics ${topics.join(', ')}`, () =>
      admin.fetchTopicMetadata({ topics, timeout: TIMEOUT_MS }),
    );
    return described.map((t) => ({
      name: t.name,
      partitions: t.partitions
        .map((p) => ({ partition: p.partitionId, leader: p.leader, replicas: p.replicas, isr: p.isr }))
        .sort((a, b) => a.partition - b.partition),
    }));
  };

  return {
    connect: () => call('admin connect', () => admin.connect()),
    async disconnect() {
      await call('admin disconnect', () => admin.disconnect());
      if (kafkajsConnected) await viaKafkajs.disconnect().catch(() => undefined);
      kafkajsConnected = undefined;
    },
    async createTopics(topics) {
      const names = topics.map((t) => t.topic);
      await call(`create topics ${names.join(', ')}`, () =>
        admin.createTopics({
          timeout: TIMEOUT_MS,
          topics: topics.map((t) => ({
            topic: t.topic,
            ...(t.numPartitions === undefined ? {} : { numPartitions: t.numPartitions }),
            ...(t.replicationFactor === undefined ? {} : { replicationFactor: t.replicationFactor }),
            configEntries: Object.entries(t.configs ?? {}).map(([name, value]) => ({ name, value })),
          })),
        }),
      );
      await waitForLeaders(describe, names, TIMEOUT_MS, 'confluent');
    },
    describeTopics: describe,
    describeConfigs: async (resource) => (await helper()).describeConfigs(resource),
    brokers: async () => (await helper()).brokers(),
    async partitionOffsets(topic) {
      // Right after createTopics librdkafka answers -1 for partitions whose leader it does not
      // know yet (the ListOffsets error is dropped), or the broker asked does not know the topic
      // yet (UNKNOWN_TOPIC_OR_PARTITION, retriable); ask again rather than fail or return a
      // non-offset. kafkajs' own retries do the same for the other adapter.
      const deadline = Date.now() + offsetsWaitMs;
      for (;;) {
        const fetched = await call(`fetch offsets of ${topic}`, () => admin.fetchTopicOffsets(topic, { timeout: TIMEOUT_MS })).catch((err: unknown) => {
          if (err instanceof EoskitError && err.retriable && Date.now() < deadline) return undefined;
          throw err;
        });
        if (fetched === undefined) {
          await sleep(100);
          continue;
        }
        const offsets = fetched
          .map((o) => ({ topic, partition: o.partition, low: toOffset(o.low, topic), high: toOffset(o.high, topic) }))
          .sort((a, b) => a.partition - b.partition);
        const unknown = offsets.filter((o) => o.low < 0 || o.high < 0).map((o) => o.partition);
        if (unknown.length === 0) return offsets;
        if (Date.now() >= deadline) {
          throw new EoskitError('TIMEOUT', `offsets of ${topic} partition(s) ${unknown.join(', ')} still unknown after ${offsetsWaitMs} ms (no leader?)`, {
            retriable: true,
          });
        }
        await sleep(100);
      }
    },
    async committedOffsets(groupId, topic) {
      const [described] = await describe([topic]);
      const partitions = (described?.partitions ?? []).map((p) => p.partition);
      const deadline = Date.now() + TIMEOUT_MS;
      for (;;) {
        // Stable offsets only (KIP-447): while a transaction's offsets wait for
        // its commit markers, the broker answers UNSTABLE_OFFSET_COMMIT for them.
        const result = await call(`fetch committed offsets of group ${groupId}`, () =>
          admin.fetchOffsets({ groupId, topics: [{ topic, partitions }], timeout: TIMEOUT_MS, requireStableOffsets: true }),
        );
        const found = result.find((t) => t.topic === topic)?.partitions ?? [];
        const failed = found.find((p) => p.error && p.error.code !== UNSTABLE_OFFSET_COMMIT);
        if (failed?.error) throw toEoskitError('confluent', failed.error, { op: `fetch committed offsets of group ${groupId}` });
        const unstable = found.some((p) => p.error?.code === UNSTABLE_OFFSET_COMMIT);
        if (!unstable || Date.now() >= deadline) {
          if (unstable) {
            throw new EoskitError('TIMEOUT', `offsets of group ${groupId} on ${topic} stayed unstable for ${TIMEOUT_MS} ms`, { retriable: true });
          }
          // librdkafka reports "no offset" as a negative offset; the interface says -1.
          const committed = new Map(found.map((p) => [p.partition, Math.max(-1, toOffset(p.offset, topic))]));
          return partitions.map((partition) => ({ topic, partition, offset: committed.get(partition) ?? -1 }));
        }
        await sleep(50);
      }
    },
  };
}
