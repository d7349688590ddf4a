/** Producer side of the client interface (see `types.ts` for the conventions). */
import type { EosConsumer } from './consumer-types.js';
import type { OutgoingRecord, RecordPosition, TopicPartitionOffset } from './types.js';

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
  /** True when made with a `transactionalId`. */
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
   * position per record in input order. Calls made without awaiting the
   * previous one reach Kafka in call order (per partition, the log follows
   * call order); several may be in flight at once.
   */
  send(records: OutgoingRecord[]): Promise<RecordPosition[]>;
  /** Begins a transaction (transactional producers only). Only one may be open per producer. */
  beginTransaction(): Promise<EosTransaction>;
  /** Closes the producer. After a `TIMEOUT` it first waits for the client's bounded retries, so nothing of it lands later. */
  disconnect(): Promise<void>;
}

/** An open Kafka transaction. After `commit()` or `abort()` resolves, it is over. */
export interface EosTransaction {
  /**
   * Sends inside the transaction; one position per record in input order.
   * Concurrent calls keep call order, and `commit()`/`abort()` wait until
   * every earlier call was handed to the client.
   */
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
  /** Aborts: read_committed consumers never see the transaction's records. */
  abort(): Promise<void>;
}
