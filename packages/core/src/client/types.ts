/**
 * The one small interface the writer, reader and processor use to talk to
 * Kafka. Two implementations exist: `kafkajs` and `confluent`
 * (`@confluentinc/kafka-javascript` through its KafkaJS-compatible API).
 * `createClient()` in `./create-client.ts` makes either.
 *
 * Conventions:
 * - Offsets and sequences are JavaScript numbers (safe integers). A committed
 *   offset is always the *next* offset to read (last processed + 1).
 * - Keys, values and header values are Buffers (or null).
 * - Every failure surfaces as an `EoskitError` (see `../errors.ts`).
 * - Both adapters choose partitions the same way as the Java client
 *   (murmur2 of the key, positive, modulo the partition count), so a key lands
 *   on the same partition whichever client writes it.
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
  /** Target partition. When absent the adapter chooses it from the key (null key: round-robin). */
  partition?: number;
  /** Create time in ms since the epoch; the broker's time when absent. */
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

/** The records of one partition delivered together, in offset order. */
export interface ConsumedBatch extends TopicPartition {
  records: ConsumedRecord[];
  /** The partition's end offset as last seen by the client (for lag); -1 when unknown. */
  highWatermark: number;
}

/** Connection settings shared by every adapter. */
export interface ClientOptions {
  client: ClientKind;
  /** `host:port` bootstrap servers. */
  brokers: string[];
  clientId?: string;
  /**
   * Client log verbosity, written to stderr. Defaults to `nothing`: every
   * failure already reaches the caller as an `EoskitError`, and both clients
   * log retriable errors loudly during ordinary broker restarts.
   */
  logLevel?: 'nothing' | 'error' | 'warn' | 'info' | 'debug';
}

/**
 * Producer settings. Idempotence is always on and acks is always `all`:
 * the adapters do not offer a way to produce unsafely.
 */
export interface ProducerOptions {
  /** Makes the producer transactional. Stable across restarts. */
  transactionalId?: string;
  /** `transaction.timeout.ms`, default 60000; must not exceed the broker's `transaction.max.timeout.ms`. */
  transactionTimeoutMs?: number;
  /**
   * Max in-flight produce requests per broker, 1 to 5 (default 5). `confluent`
   * sets librdkafka's `max.in.flight`; `kafkajs` always has one produce request
   * in flight per broker (its idempotent path holds a lock per broker).
   */
  maxInFlight?: number;
  /**
   * Upper bound on one `send()` including retries (`delivery.timeout.ms`),
   * default 120000, or the transaction timeout when that is smaller. When it
   * passes, `send()` fails with `TIMEOUT`: the records' outcome is unknown.
   */
  deliveryTimeoutMs?: number;
  /** `confluent` only (`linger.ms`, default 5); with `kafkajs` each `send()` is one request per broker. */
  lingerMs?: number;
  /** `confluent` only: batch size in bytes (`batch.size`). */
  batchSize?: number;
  /** Default `none`. `kafkajs` supports `none` and `gzip` only. */
  compression?: 'none' | 'gzip' | 'snappy' | 'lz4' | 'zstd';
}

/**
 * An idempotent (and optionally transactional) producer.
 *
 * Failure rule (same for both adapters): once `send`, `sendOffsets` or
 * `commit` fails, the producer is finished. Only `abort()` of the open
 * transaction and `disconnect()` remain allowed; other calls fail with
 * `CLOSED`. The error's `retriable` says whether redoing the work with a new
 * producer (same transactional id) may succeed. Errors raised before anything
 * reached Kafka (bad records: `CONFIG_INVALID`; unknown topic) leave the
 * producer usable.
 */
export interface EosProducer {
  readonly transactional: boolean;
  /**
   * Connects. A transactional producer also initialises its transactional id
   * here, which fences older producers with the same id and aborts their open
   * transaction.
   */
  connect(): Promise<void>;
  /**
   * Sends outside a transaction (non-transactional producers only). Resolves
   * once every record is acknowledged by all in-sync replicas, with one
   * position per record in input order.
   */
  send(records: OutgoingRecord[]): Promise<RecordPosition[]>;
  /** Begins a transaction (transactional producers only). Only one may be open per producer. */
  beginTransaction(): Promise<EosTransaction>;
  disconnect(): Promise<void>;
}

/** An open Kafka transaction. After `commit()` or `abort()` resolves, it is over. */
export interface EosTransaction {
  /** Sends inside the transaction; one position per record in input order. */
  send(records: OutgoingRecord[]): Promise<RecordPosition[]>;
  /**
   * Adds consumed offsets (next offsets to read) to the transaction, so they
   * commit atomically with its records. `consumer` must come from the same
   * `KafkaClient`. With `confluent` the group's generation travels along
   * (KIP-447: a consumer that lost its partitions cannot commit); `kafkajs`
   * sends only the group id, so fencing must come from one transactional id
   * per input partition.
   */
  sendOffsets(consumer: EosConsumer, offsets: TopicPartitionOffset[]): Promise<void>;
  /** Commits. If it fails the outcome is unknown until a new producer with the same id connects. */
  commit(): Promise<void>;
  abort(): Promise<void>;
}

/** Consumer settings. Auto-commit is always off. */
export interface ConsumerOptions {
  groupId: string;
  /** Defaults to `read_committed`. */
  isolationLevel?: 'read_committed' | 'read_uncommitted';
  /** Where to start when the group has no committed offset. Defaults to `true` (earliest). */
  fromBeginning?: boolean;
  sessionTimeoutMs?: number;
  heartbeatIntervalMs?: number;
  /** `max.poll.interval.ms` / kafkajs `rebalanceTimeout`. */
  maxPollIntervalMs?: number;
  /** Upper bound on records per delivered batch, default 500 (both adapters). */
  maxBatchSize?: number;
}

/**
 * Callbacks a consumer loop receives. Both adapters use the eager protocol:
 * every rebalance revokes all owned partitions (`onRevoked` with all of them)
 * and then assigns the new set (`onAssigned` with all of them); after it, every
 * partition resumes from the group's committed offset. No batch is delivered
 * while a callback runs, and callbacks never overlap a batch.
 */
export interface ConsumerHandlers {
  /**
   * Handles one partition batch. Returning means every record was handled,
   * unless the handler seeked that partition meanwhile (then the seek wins).
   * Throwing stops the loop: every partition is paused, nothing more is
   * delivered and the error reaches `onError`; then disconnect.
   */
  eachBatch(batch: ConsumedBatch): Promise<void>;
  /**
   * Called with the partitions assigned to this member, before any of their
   * batches. With `kafkajs` the starting offsets come from an OffsetFetch
   * without require_stable (no KIP-447): while another member's transaction
   * is still completing, a partition may start before that transaction's
   * offsets. A transactional processor on kafkajs therefore connects the
   * producer owning each partition's transactional id here (which completes
   * any pending transaction), then reads `committedOffsets` and seeks.
   * `confluent` reads stable offsets itself.
   */
  onAssigned?(partitions: TopicPartition[]): Promise<void> | void;
  /**
   * Called with the partitions taken away. With `confluent` it runs before
   * the rebalance completes, so open work may still be committed. With
   * `kafkajs` (which has no revocation hook) it runs after the group already
   * rebalanced, just before `onAssigned`: the partitions may belong to someone
   * else by then, so open work for them must be aborted, not committed.
   * Not called on `disconnect()`: finish or abort work before disconnecting.
   */
  onRevoked?(partitions: TopicPartition[]): Promise<void> | void;
  /** Receives the error that stopped the loop (a handler's or the client's). */
  onError?(error: Error): void;
}

/** A group consumer. Call `connect`, `subscribe`, then `run`. */
export interface EosConsumer {
  readonly groupId: string;
  connect(): Promise<void>;
  subscribe(topics: string[]): Promise<void>;
  /**
   * Starts the loop and resolves at once, before any callback runs;
   * assignments arrive through `onAssigned`, failures through `onError`.
   */
  run(handlers: ConsumerHandlers): Promise<void>;
  /** Commits offsets (next offsets to read) outside any transaction. */
  commit(offsets: TopicPartitionOffset[]): Promise<void>;
  /**
   * Moves the fetch position of an assigned partition (ignored for others).
   * Called inside `eachBatch`, the rest of the current batch is not delivered
   * again unless the position says so; e.g. after an abort, seek back to the
   * batch's first offset to get it again. Called inside `onAssigned`, it sets
   * where the partition starts (positions kept outside Kafka).
   */
  seek(position: TopicPartitionOffset): void;
  /** Stops fetching the partitions until `resume` or until they are revoked. */
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
  connect(): Promise<void>;
  /** Creates topics that do not exist yet (existing ones are left alone) and waits for their leaders. */
  createTopics(topics: NewTopic[]): Promise<void>;
  describeTopics(topics: string[]): Promise<TopicDescription[]>;
  /** Effective configs of a broker (by node id) or a topic (by name). */
  describeConfigs(resource: { type: 'broker' | 'topic'; name: string }): Promise<Record<string, string>>;
  partitionOffsets(topic: string): Promise<PartitionOffsets[]>;
  /**
   * Committed offsets of a group for every partition of a topic; -1 where
   * none. `confluent` waits for offsets of completing transactions to settle;
   * `kafkajs` cannot ask for that and may briefly return the previous offset.
   */
  committedOffsets(groupId: string, topic: string): Promise<TopicPartitionOffset[]>;
  /** Node ids of the live brokers, ascending. */
  brokers(): Promise<number[]>;
  disconnect(): Promise<void>;
}

/** A partition range to read: offsets `from` (inclusive) to `to` (exclusive). */
export interface PartitionRange extends TopicPartition {
  from: number;
  to: number;
}

/** Options of {@link KafkaClient.readRanges}. */
export interface ReadRangesOptions {
  /** Defaults to `read_committed`. */
  isolationLevel?: 'read_committed' | 'read_uncommitted';
  /**
   * Fails with `TIMEOUT` when the ranges are not read by then (default 60000).
   * Under `read_committed` an open transaction inside a range holds reading
   * back until it ends.
   */
  timeoutMs?: number;
}

/** Entry point of an adapter: makes producers, consumers and admins sharing one client. */
export interface KafkaClient {
  readonly kind: ClientKind;
  producer(options?: ProducerOptions): EosProducer;
  consumer(options: ConsumerOptions): EosConsumer;
  admin(): EosAdmin;
  /**
   * Reads fixed offset ranges without committing anything (writer recovery,
   * state restore, verification). Records of one partition come in offset
   * order. Records of aborted transactions are skipped under `read_committed`,
   * so fewer records than `to - from` may come back; it still ends as soon as
   * every range is passed. Breaking out of the loop early is fine.
   */
  readRanges(ranges: PartitionRange[], options?: ReadRangesOptions): AsyncIterable<ConsumedRecord>;
  /** Releases what the client holds itself (metadata connections). Producers, consumers and admins close on their own. */
  close(): Promise<void>;
}
