/** Admin side of the client interface (see `types.ts` for the conventions). */
import type { TopicPartition, TopicPartitionOffset } from './types.js';

/** Partition layout of a topic. */
export interface TopicDescription {
  name: string;
  partitions: Array<{ partition: number; leader: number; replicas: number[]; isr: number[] }>;
}

/** A topic to create. */
export interface NewTopic {
  topic: string;
  /** Broker default when absent. */
  numPartitions?: number;
  /** Broker default when absent. */
  replicationFactor?: number;
  configs?: Record<string, string>;
}

/** Offsets bounding a partition. */
export interface PartitionOffsets extends TopicPartition {
  /** Log start offset. */
  low: number;
  /** High watermark (end of the log, including open transactions). */
  high: number;
}

/** Cluster administration, read-mostly. */
export interface EosAdmin {
  /** Connects to the cluster. */
  connect(): Promise<void>;
  /** Creates topics that do not exist yet (existing ones are left alone) and waits for their leaders. */
  createTopics(topics: NewTopic[]): Promise<void>;
  /** Partition layout (leader, replicas, ISR) of the named topics; every topic (internal ones included) when `topics` is empty. */
  describeTopics(topics: string[]): Promise<TopicDescription[]>;
  /** Effective configs of a broker (by node id) or a topic (by name). */
  describeConfigs(resource: { type: 'broker' | 'topic'; name: string }): Promise<Record<string, string>>;
  /** Log start and high watermark of every partition of `topic`. */
  partitionOffsets(topic: string): Promise<PartitionOffsets[]>;
  /**
   * Committed offsets of a group for every partition of a topic; -1 where
   * none. `confluent` waits for offsets of completing transactions to settle;
   * `kafkajs` cannot ask for that and may briefly return the previous offset.
   */
  committedOffsets(groupId: string, topic: string): Promise<TopicPartitionOffset[]>;
  /** Node ids of the live brokers, ascending. */
  brokers(): Promise<number[]>;
  /** Closes the admin's connections. */
  disconnect(): Promise<void>;
}
