/**
 * confluent admin adapter. `@confluentinc/kafka-javascript` 1.10 has no
 * describeConfigs and no describeCluster, so those two calls go through
 * kafkajs' admin (kafkajs is always installed with core).
 */
import type { EoskitError } from '../../errors.js';
import { toEoskitError } from '../error-table.js';
import { toOffset } from '../record-positions.js';
import type { EosAdmin, TopicDescription } from '../types.js';
import { sleep } from '../with-deadline.js';
import type { CfAdmin } from './confluent-types.js';

const TIMEOUT_MS = 30_000;

export function createConfluentAdmin(admin: CfAdmin, viaKafkajs: EosAdmin): EosAdmin {
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
      // librdkafka returns once the controller accepted; wait until every partition has a leader.
      const deadline = Date.now() + TIMEOUT_MS;
      let lastError: EoskitError | undefined;
      while (Date.now() < deadline) {
        try {
          const described = await describe(names);
          if (described.length === names.length && described.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) {
            return;
          }
        } catch (err) {
          lastError = err as EoskitError;
        }
        await sleep(100);
      }
      throw toEoskitError('confluent', lastError ?? new Error('no leaders yet'), { op: `wait for leaders of ${names.join(', ')}` });
    },
    describeTopics: describe,
    describeConfigs: async (resource) => (await helper()).describeConfigs(resource),
    brokers: async () => (await helper()).brokers(),
    async partitionOffsets(topic) {
      const offsets = await call(`fetch offsets of ${topic}`, () => admin.fetchTopicOffsets(topic, { timeout: TIMEOUT_MS }));
      return offsets
        .map((o) => ({ topic, partition: o.partition, low: toOffset(o.low, topic), high: toOffset(o.high, topic) }))
        .sort((a, b) => a.partition - b.partition);
    },
    async committedOffsets(groupId, topic) {
      const [described] = await describe([topic]);
      const result = await call(`fetch committed offsets of group ${groupId}`, () =>
        admin.fetchOffsets({ groupId, topics: [topic], timeout: TIMEOUT_MS }),
      );
      // librdkafka lists only partitions with a commit; the others get -1 as in kafkajs.
      const committed = new Map(
        (result.find((t) => t.topic === topic)?.partitions ?? []).map((p) => [p.partition, toOffset(p.offset, topic)]),
      );
      return (described?.partitions ?? []).map((p) => ({ topic, partition: p.partition, offset: committed.get(p.partition) ?? -1 }));
    },
  };
}
