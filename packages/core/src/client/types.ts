/**
 * The one small interface the writer, reader and processor use to talk to
 * Kafka. Two implementations exist: `kafkajs` and `confluent`
 * (`@confluentinc/kafka-javascript` through its KafkaJS-compatible API).
 *
 * Conventions:
 * - Offsets and sequences are JavaScript numbers (safe integers). A committed
 *   offset is always the *next* offset to read (last processed + 1).
 * - Keys, values and header values are Buffers (or null).
 * - Every failure surfaces as an `EoskitError` (see `../errors.ts`).
 */

/** Which Node.js Kafka client library backs an adapter. */
export type ClientKind = 'kafkajs' | 'confluent';

/** A topic and one of its partitions. */
export interface TopicPartition {
  topic: string;
  partition: number;
}

/** A topic-partition with an offset (for commits: the next offset to read). */
export interface TopicPartitionOffset extends TopicPartition {
  offset: number;
}

/** Record headers: one value per name. */
export type RecordHeaders = Record<string, Buffer>;

/** A record to produce. */
export interface OutgoingRecord {
  topic: string;
  key: Buffer | null;
  value: Buffer | null;
  headers?: RecordHeaders;
  /** Target partition. When absent the adapter chooses it from the key. */
  partition?: number;
  /** Create time in ms since the epoch. */
  timestamp?: number;
}

/** Where a produced record landed. */
export interface RecordPosition extends TopicPartitionOffset {}

/** A record read from Kafka. */
export interface ConsumedRecord extends TopicPartitionOffset {
  key: Buffer | null;
  value: Buffer | null;
  headers: RecordHeaders;
  timestamp: number;
}

/** The records of one partition delivered together. */
export interface ConsumedBatch extends TopicPartition {
  records: ConsumedRecord[];
  /** The partition's high watermark (or last stable offset) when fetched. */
  highWatermark: number;
}

/** Connection settings shared by every adapter. */
export interface ClientOptions {
  client: ClientKind;
  /** `host:port` bootstrap servers. */
  brokers: string[];
  clientId?: string;
  /** Client log verbosity; defaults to errors only. */
  logLevel?: 'nothing' | 'error' | 'warn' | 'info' | 'debug';
}

/**
 * Producer settings. Idempotence is always on and acks is always `all`:
 * the adapters do not offer a way to produce unsafely.
 */
export interface ProducerOptions {
  /** Makes the producer transactional. Stable across restarts. */
  transactionalId?: string;
  /** `transaction.timeout.ms`; must not exceed the broker's `transaction.max.timeout.ms`. */
  transactionTimeoutMs?: number;
  /**
   * Max in-flight produce requests per broker connection. Capped at what the
   * client's idempotent path supports (see the adapter docs).
   */
  maxInFlight?: number;
  /** Upper bound on the time a send may take including retries (`delivery.timeout.ms`). */
  deliveryTimeoutMs?: number;
  lingerMs?: number;
  /** Batch size in bytes. */
  batchSize?: number;
  compression?: 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';
}

/** An idempotent (and optionally transactional) producer. */
export interface EosProducer {
  readonly transactional: boolean;
  connect(): Promise<void>;
  /** Sends outside a transaction. Resolves once every record is acknowledged by all in-sync replicas. */
  send(records: OutgoingRecord[]): Promise<RecordPosition[]>;
  /** Begins a transaction. Only one may be open per producer. */
  beginTransaction(): Promise<EosTransaction>;
  disconnect(): Promise<void>;
}

/** An open Kafka transaction. */
export interface EosTransaction {
  send(records: OutgoingRecord[]): Promise<RecordPosition[]>;
  /**
   * Adds consumed offsets (next offsets to read) to the transaction, so they
   * commit atomically with its records. `consumer` identifies the group (and,
   * where the client supports KIP-447, its generation for fencing).
   */
  sendOffsets(consumer: EosConsumer, offsets: TopicPartitionOffset[]): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** Consumer settings. Auto-commit is always off. */
export interface ConsumerOptions {
  groupId: string;
  /** Defaults to `read_committed`. */
  isolationLevel?: 'read_committed' | 'read_uncommitted';
  /** Where to start when the group has no committed offset. Defaults to `earliest`. */
  fromBeginning?: boolean;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** `max.poll.interval.ms` / kafkajs `rebalanceTimeout`. */
  maxPollIntervalMs?: number;
  /** Upper bound on records per delivered batch, where the client supports it. */
  maxBatchSize?: number;
}

/** Callbacks a consumer loop receives. */
export interface ConsumerHandlers {
  /** Handles one partition batch. Throwing stops the loop (the error reaches `run`'s caller via `onError`). */
  eachBatch(batch: ConsumedBatch): Promise<void>;
  /** Called after partitions are assigned to this member. */
  onAssigned?(partitions: TopicPartition[]): Promise<void> | void;
  /**
   * Called when partitions are taken away. With `confluent` it runs before
   * the rebalance completes; with `kafkajs` (no revocation callback exists)
   * it runs after the next assignment, with the partitions no longer owned.
   */
  onRevoked?(partitions: TopicPartition[]): Promise<void> | void;
  /** Receives the error that stopped the loop. */
  onError?(error: Error): void;
}

/** A group consumer. */
export interface EosConsumer {
  readonly groupId: string;
  connect(): Promise<void>;
  subscribe(topics: string[]): Promise<void>;
  /** Starts the loop; resolves once it is running. */
  run(handlers: ConsumerHandlers): Promise<void>;
  /** Commits offsets (next offsets to read) outside any transaction. */
  commit(offsets: TopicPartitionOffset[]): Promise<void>;
  /** Moves the fetch position of an assigned partition. */
  seek(position: TopicPartitionOffset): void;
  pause(partitions: TopicPartition[]): void;
  resume(partitions: TopicPartition[]): void;
  /** Partitions currently assigned to this member. */
  assignment(): TopicPartition[];
  disconnect(): Promise<void>;
}

/** Partition layout of a topic. */
export interface TopicDescription {
  name: string;
  partitions: Array<{ partition: number; leader: number; replicas: number[]; isr: number[] }>;
}

/** A topic to create. */
export interface NewTopic {
  topic: string;
  numPartitions?: number;
  replicationFactor?: number;
  configs?: Record<string, string>;
}

/** Offsets bounding a partition. */
export interface PartitionOffsets extends TopicPartition {
  /** Log start offset. */
  low: number;
  /** High watermark. */
  high: number;
}

/** Cluster administration, read-mostly. */
export interface EosAdmin {
  connect(): Promise<void>;
  /** Creates topics that do not exist yet; existing ones are left alone. */
  createTopics(topics: NewTopic[]): Promise<void>;
  describeTopics(topics: string[]): Promise<TopicDescription[]>;
  /** Effective configs of brokers (by node id) or topics (by name). */
  describeConfigs(resource: { type: 'broker' | 'topic'; name: string }): Promise<Record<string, string>>;
  partitionOffsets(topic: string): Promise<PartitionOffsets[]>;
  /** Committed offsets of a group for a topic; -1 where none. */
  committedOffsets(groupId: string, topic: string): Promise<TopicPartitionOffset[]>;
  /** Node ids of the live brokers. */
  brokers(): Promise<number[]>;
  disconnect(): Promise<void>;
}

/** A partition range to read: offsets `from` (inclusive) to `to` (exclusive). */
export interface PartitionRange extends TopicPartition {
  from: number;
  to: number;
}

/** Entry point of an adapter: makes producers, consumers and admins sharing one client. */
export interface KafkaClient {
  readonly kind: ClientKind;
  producer(options?: ProducerOptions): EosProducer;
  consumer(options: ConsumerOptions): EosConsumer;
  admin(): EosAdmin;
  /**
   * Reads fixed offset ranges without committing anything (writer recovery,
   * state restore, verification). Records of aborted transactions are skipped
   * under `read_committed`, so fewer records than `to - from` may come back.
   */
  readRanges(
    ranges: PartitionRange[],
    options?: { isolationLevel?: 'read_committed' | 'read_uncommitted' },
  ): AsyncIterable<ConsumedRecord>;
}
