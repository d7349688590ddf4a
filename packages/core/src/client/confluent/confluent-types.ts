/**
 * The parts of `@confluentinc/kafka-javascript` 1.10 the adapter uses, typed
 * structurally. The package is an optional dependency, so core must type-check
 * and run where it is not installed; its own typings cannot be imported.
 */

/** librdkafka / KafkaJS-layer configuration: librdkafka properties plus a `kafkaJS` block. */
export type ConfluentConfig = Record<string, unknown>;

export interface CfMessage {
  key?: Buffer | null;
  value: Buffer | null;
  partition?: number;
  headers?: Record<string, Buffer>;
  timestamp?: string;
}

export interface CfRecordMetadata {
  topicName: string;
  partition: number;
  baseOffset?: string;
}

export interface CfPartitionOffsetTopics {
  topic: string;
  partitions: Array<{ partition: number; offset: string }>;
}

/**
 * The node-rdkafka Producer behind a KafkaJS-layer producer (its private
 * `_getInternalClient()`); see direct-sender.ts.
 */
export interface RdProducer {
  /** Throws (e.g. ERR__QUEUE_FULL) when the record cannot be queued. */
  produce(
    topic: string,
    partition: number,
    value: Buffer | null,
    key: Buffer | null,
    timestamp: number,
    opaque: { resolve(metadata: { baseOffset?: unknown }): void; reject(err: unknown): void },
    headers: Array<Record<string, Buffer>> | null,
  ): boolean;
  /** Calls back with a librdkafka error (`code`, `isFatal`) or null. */
  beginTransaction(cb: (err: { code?: number; isFatal?: boolean } | null) => void): void;
  listenerCount(event: string): number;
}

export interface CfProducer {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  send(record: { topic: string; messages: CfMessage[] }): Promise<CfRecordMetadata[]>;
  transaction(): Promise<CfProducer>;
  commit(): Promise<void>;
  abort(): Promise<void>;
  sendOffsets(args: { consumer: CfConsumer; topics: CfPartitionOffsetTopics[] }): Promise<void>;
  /** Private in 1.10 ("only for internal use and subject to API changes"); feature-detected. */
  _getInternalClient?(): unknown;
}

export interface CfKafkaMessage {
  key: Buffer | null;
  value: Buffer | null;
  timestamp: string;
  offset: string;
  headers?: Record<string, Buffer | string | Array<Buffer | string> | undefined>;
}

export interface CfBatchPayload {
  batch: {
    topic: string;
    partition: number;
    highWatermark: string;
    messages: CfKafkaMessage[];
    lastOffset(): string;
  };
  resolveOffset(offset: string): void;
  isStale(): boolean;
}

export interface CfTopicPartition {
  topic: string;
  partition: number;
}

export interface CfConsumer {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  subscribe(subscription: { topics: string[] }): Promise<void>;
  run(config: {
    eachBatch: (payload: CfBatchPayload) => Promise<void>;
    eachBatchAutoResolve: boolean;
    partitionsConsumedConcurrently: number;
  }): Promise<void>;
  commitOffsets(offsets: Array<CfTopicPartition & { offset: string }>): Promise<void>;
  seek(position: CfTopicPartition & { offset: string }): void;
  pause(topics: Array<{ topic: string; partitions: number[] }>): void;
  resume(topics: Array<{ topic: string; partitions: number[] }>): void;
}

export interface CfAdmin {
  connect(): Promise<void>;
  disconnect(): Promise<void>;
  createTopics(options: {
    topics: Array<{
      topic: string;
      numPartitions?: number;
      replicationFactor?: number;
      configEntries?: Array<{ name: string; value: string }>;
    }>;
    timeout?: number;
  }): Promise<boolean>;
  fetchTopicMetadata(options: { topics: string[]; timeout?: number }): Promise<
    Array<{ name: string; partitions: Array<{ partitionId: number; leader: number; replicas: number[]; isr: number[] }> }>
  >;
  fetchTopicOffsets(topic: string, options?: { timeout?: number }): Promise<
    Array<{ partition: number; offset: string; high: string; low: string }>
  >;
  fetchOffsets(options: {
    groupId: string;
    topics: Array<{ topic: string; partitions: number[] }>;
    timeout?: number;
    requireStableOffsets?: boolean;
  }): Promise<Array<{ topic: string; partitions: Array<{ partition: number; offset: string; error?: { code?: number; message?: string } | null }> }>>;
  deleteGroups(groups: string[]): Promise<unknown>;
}

export interface CfKafka {
  producer(config: ConfluentConfig): CfProducer;
  consumer(config: ConfluentConfig): CfConsumer;
  admin(config?: ConfluentConfig): CfAdmin;
}

/** A message of the low-level (node-rdkafka style) consumer. */
export interface RdMessage {
  topic: string;
  partition: number;
  offset: number;
  key?: Buffer | null;
  value: Buffer | null;
  timestamp?: number;
  headers?: Array<Record<string, Buffer | string>>;
}

/** The low-level consumer: the only way to `assign` without a group in 1.10. */
export interface RdKafkaConsumer {
  connect(options: Record<string, unknown>, cb: (err: Error | null) => void): void;
  disconnect(cb: (err?: Error | null) => void): void;
  assign(assignments: Array<CfTopicPartition & { offset: number }>): void;
  consume(count: number, cb: (err: Error | null, messages: RdMessage[]) => void): void;
  setDefaultConsumeTimeout(timeoutMs: number): void;
  position(toppars?: CfTopicPartition[]): Array<CfTopicPartition & { offset?: number }>;
  on(event: 'event.error', listener: (err: Error) => void): void;
}

/** The package's module object. */
export interface ConfluentModule {
  KafkaJS: { Kafka: new (config: ConfluentConfig) => CfKafka };
  KafkaConsumer: new (config: ConfluentConfig, topicConfig: ConfluentConfig) => RdKafkaConsumer;
  librdkafkaVersion?: string;
}
