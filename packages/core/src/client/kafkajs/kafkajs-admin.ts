/** kafkajs admin adapter (also answers describeConfigs/brokers for confluent, which lacks them). */
import type { Admin, Kafka } from 'kafkajs';
import { kafkajsHighWatermarks } from './kafkajs-high-watermarks.js';
import { ConfigResourceTypes } from './kafkajs-module.js';
import { toEoskitError } from '../error-table.js';
import { toOffset } from '../record-positions.js';
import type { ClientKind, EosAdmin, TopicDescription } from '../types.js';
import { waitForLeaders } from '../wait-for-leaders.js';
import { askAgain } from '../with-deadline.js';

/** How long createTopics waits for every new partition to have a leader. */
const LEADERS_WAIT_MS = 30_000;
/** How long partitionOffsets asks again while a leader is not ready. */
const OFFSETS_WAIT_MS = 10_000;
/** kafkajs error types of a partition whose leader is still moving or taking over. */
const LEADER_NOT_READY = new Set(['NOT_LEADER_FOR_PARTITION', 'LEADER_NOT_AVAILABLE']);

/** The same, plus a broker that has not applied a new topic yet. */
const METADATA_NOT_READY = new Set([...LEADER_NOT_READY, 'UNKNOWN_TOPIC_OR_PARTITION']);

/** True when `err` or an error in its cause chain (kafkajs wraps some) has one of the kafkajs error `types`. */
function hasKafkajsType(err: unknown, types: ReadonlySet<string>): boolean {
  for (let e: unknown = err; e instanceof Error; e = e.cause) {
    const type = (e as { type?: unknown }).type;
    if (typeof type === 'string' && types.has(type)) return true;
  }
  return false;
}

/** True when `err` says a partition's leader is not ready yet. */
const leaderNotReady = (err: unknown): boolean => hasKafkajsType(err, LEADER_NOT_READY);

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

  const describeTopics = async (topics: string[]): Promise<TopicDescription[]> => {
    const { topics: described } = await call(`describe topics ${topics.join(', ')}`, () => admin.fetchTopicMetadata({ topics }));
    return described.map((t) => ({
      name: t.name,
      partitions: t.partitions
        .map((p) => ({ partition: p.partitionId, leader: p.leader, replicas: p.replicas, isr: p.isr }))
        .sort((a, b) => a.partition - b.partition),
    }));
  };

  return {
    connect: () => call('admin connect', () => admin.connect()),
    disconnect: () => call('admin disconnect', () => admin.disconnect()),
    async createTopics(topics) {
      const names = topics.map((t) => t.topic);
      const create = () =>
        admin.createTopics({
          waitForLeaders: true,
          topics: topics.map((t) => ({
            topic: t.topic,
            numPartitions: t.numPartitions ?? -1,
            replicationFactor: t.replicationFactor ?? -1,
            configEntries: Object.entries(t.configs ?? {}).map(([name, value]) => ({ name, value })),
          })),
        });
      await call(`create topics ${names.join(', ')}`, create).catch(async (err: unknown) => {
        // kafkajs' wait for leaders gives up when the broker it asks has not applied the new topic yet (KRaft);
        // the topic was created, so wait here instead.
        if (!hasKafkajsType(err, METADATA_NOT_READY)) throw err;
        await waitForLeaders(describeTopics, names, LEADERS_WAIT_MS, reportAs);
      });
      // Listed as leader is not yet serving: return once every leader answers ListOffsets, so a consumer or
      // producer started right after does not meet NOT_LEADER_OR_FOLLOWER on its first request.
      for (const name of names) {
        await askAgain(() => call(`fetch offsets of ${name}`, () => admin.fetchTopicOffsets(name)), leaderNotReady, OFFSETS_WAIT_MS);
      }
    },
    describeTopics,
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
      // A new topic's leader answers NOT_LEADER_OR_FOLLOWER until it has taken over, and kafkajs gives up on that at
      // once (it retries UNKNOWN_TOPIC_OR_PARTITION itself, so a missing topic still fails as fast as before).
      const [offsets, highs] = await askAgain(
        () => call(`fetch offsets of ${topic}`, () => Promise.all([admin.fetchTopicOffsets(topic), kafkajsHighWatermarks(kafka, topic)])),
        leaderNotReady,
        OFFSETS_WAIT_MS,
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
