/** kafkajs admin adapter (also answers describeConfigs/brokers for confluent, which lacks them). */
import type { Admin, Kafka } from 'kafkajs';
import { kafkajsHighWatermarks } from './kafkajs-high-watermarks.js';
import { ConfigResourceTypes } from './kafkajs-module.js';
import { toEoskitError } from '../error-table.js';
import { toOffset } from '../record-positions.js';
import type { ClientKind, EosAdmin } from '../types.js';

/** The admin calls kafkajs answers, with errors mapped. */
export function createKafkajsAdmin(kafka: Kafka, reportAs: ClientKind = 'kafkajs', retries = 5): EosAdmin {
  const admin: Admin = kafka.admin({ retry: { retries } });
  const call = async <T>(op: string, run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (err) {
      throw toEoskitError('kafkajs', err, { op: reportAs === 'kafkajs' ? op : `${op} (via kafkajs)` });
    }
  };

  return {
    connect: () => call('admin connect', () => admin.connect()),
    disconnect: () => call('admin disconnect', () => admin.disconnect()),
    async createTopics(topics) {
      await call(`create topics ${topics.map((t) => t.topic).join(', ')}`, () =>
        admin.createTopics({
          waitForLeaders: true,
          topics: topics.map((t) => ({
            topic: t.topic,
            numPartitions: t.numPartitions ?? -1,
            replicationFactor: t.replicationFactor ?? -1,
            configEntries: Object.entries(t.configs ?? {}).map(([name, value]) => ({ name, value })),
          })),
        }),
      );
    },
    async describeTopics(topics) {
      const { topics: described } = await call(`describe topics ${topics.join(', ')}`, () =>
        admin.fetchTopicMetadata({ topics }),
      );
      return described.map((t) => ({
        name: t.name,
        partitions: t.partitions
          .map((p) => ({ partition: p.partitionId, leader: p.leader, replicas: p.replicas, isr: p.isr }))
          .sort((a, b) => a.partition - b.partition),
      }));
    },
    async describeConfigs({ type, name }) {
      const result = await call(`describe ${type} ${name} configs`, () =>
        admin.describeConfigs({
          includeSynonyms: false,
          resources: [{ type: type === 'broker' ? ConfigResourceTypes.BROKER : ConfigResourceTypes.TOPIC, name }],
        }),
      );
      const resource = result.resources[0];
      if (resource && resource.errorCode !== 0) {
        throw toEoskitError(
          'kafkajs',
          { code: resource.errorCode, message: resource.errorMessage || `error code ${resource.errorCode}` },
          { op: `describe ${type} ${name} configs` },
        );
      }
      const entries = resource?.configEntries ?? [];
      // Sensitive entries come back with a null value; they stay out.
      return Object.fromEntries(
        entries.filter((e) => !e.isSensitive && e.configValue !== null).map((e) => [e.configName, e.configValue]),
      );
    },
    async partitionOffsets(topic) {
      // fetchTopicOffsets' "high" is the last stable offset; ask for the high watermark separately.
      const [offsets, highs] = await call(`fetch offsets of ${topic}`, () =>
        Promise.all([admin.fetchTopicOffsets(topic), kafkajsHighWatermarks(kafka, topic)]),
      );
      return offsets
        .map((o) => ({ topic, partition: o.partition, low: toOffset(o.low, topic), high: highs.get(o.partition) ?? toOffset(o.high, topic) }))
        .sort((a, b) => a.partition - b.partition);
    },
    async committedOffsets(groupId, topic) {
      const result = await call(`fetch committed offsets of group ${groupId}`, () =>
        admin.fetchOffsets({ groupId, topics: [topic] }),
      );
      return (result.find((t) => t.topic === topic)?.partitions ?? [])
        .map((p) => ({ topic, partition: p.partition, offset: toOffset(p.offset, topic) }))
        .sort((a, b) => a.partition - b.partition);
    },
    async brokers() {
      const cluster = await call('describe cluster', () => admin.describeCluster());
      return cluster.brokers.map((b) => b.nodeId).sort((a, b) => a - b);
    },
  };
}
