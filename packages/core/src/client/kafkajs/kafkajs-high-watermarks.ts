/**
 * High watermarks with kafkajs. Its admin `fetchTopicOffsets` sends
 * ListOffsets at READ_COMMITTED (the request's default), so its "high" is the
 * last stable offset: it stops before any open transaction. kafkajs has no
 * switch for that, but every `Kafka` instance builds its clusters through one
 * private factory that does take an isolation level; this uses it (kafkajs is
 * pinned at 2.2.4 and no longer released).
 */
import type { Kafka } from 'kafkajs';
import { EoskitError } from '../../errors.js';
import { toOffset } from '../record-positions.js';

/** The few kafkajs `Cluster` methods used here. */
interface KafkajsCluster {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  addTargetTopic(topic: string): Promise<void>;
  refreshMetadataIfNecessary(): Promise<void>;
  findTopicPartitionMetadata(topic: string): Array<{ partitionId: number }>;
  fetchTopicsOffset(
    topics: Array<{ topic: string; fromBeginning: boolean; partitions: Array<{ partition: number }> }>,
  ): Promise<Array<{ topic: string; partitions: Array<{ partition: number; offset: string }> }>>;
}

type ClusterFactory = (options: { allowAutoTopicCreation: boolean; isolationLevel: number }) => KafkajsCluster;

const READ_UNCOMMITTED = 0;

function clusterFactory(kafka: Kafka): ClusterFactory {
  const symbol = Object.getOwnPropertySymbols(kafka).find((s) => s.description === 'private:Kafka:createCluster');
  const factory = symbol === undefined ? undefined : (kafka as unknown as Record<symbol, unknown>)[symbol];
  if (typeof factory !== 'function') {
    throw new EoskitError('CLIENT_UNAVAILABLE', 'this kafkajs version has no cluster factory; kafkajs 2.2.4 is expected');
  }
  return factory as ClusterFactory;
}

/** High watermark of every partition of `topic` (ListOffsets at READ_UNCOMMITTED). */
export async function kafkajsHighWatermarks(kafka: Kafka, topic: string): Promise<Map<number, number>> {
  const cluster = clusterFactory(kafka)({ allowAutoTopicCreation: false, isolationLevel: READ_UNCOMMITTED });
  try {
    await cluster.connect();
    await cluster.addTargetTopic(topic);
    await cluster.refreshMetadataIfNecessary();
    const partitions = cluster.findTopicPartitionMetadata(topic).map((p) => ({ partition: p.partitionId }));
    const [result] = await cluster.fetchTopicsOffset([{ topic, fromBeginning: false, partitions }]);
    return new Map((result?.partitions ?? []).map((p) => [p.partition, toOffset(p.offset, topic)]));
  } finally {
    await cluster.disconnect().catch(() => undefined);
  }
}
