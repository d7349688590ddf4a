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

import type { EosAdmin } from './admin-types.js';
import type { ConsumerOptions, EosConsumer } from './consumer-types.js';
import type { EosProducer, ProducerOptions } from './producer-types.js';
import type { SaslOptions, TlsOptions } from './security-types.js';

export type * from './admin-types.js';
export type * from './consumer-types.js';
export type * from './producer-types.js';
export type * from './security-types.js';

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
  /**
   * True once the partition was seeked after this batch was fetched (by the handler or anything else, even
   * while the handler waited for a lock of its own): its records must not be taken, the consumer delivers
   * again from the seek.
   */
  isStale(): boolean;
}

/** TLS and SASL settings of a connection (for `createClient`, or for a toolkit factory given a client kind). */
export interface ClientSecurity {
  /**
   * Connect over TLS. `true` trusts the system CAs; a {@link TlsOptions}
   * object sets the CA, a client certificate for mutual TLS, or turns
   * certificate checks off. Default: plaintext.
   */
  ssl?: boolean | TlsOptions;
  /**
   * Authenticate with SASL (PLAIN or SCRAM). Combined with `ssl` this is
   * SASL_SSL, alone SASL_PLAINTEXT. Default: no authentication.
   */
  sasl?: SaslOptions;
}

/** Connection settings shared by every adapter. */
export interface ClientOptions extends ClientSecurity {
  /** Which client library backs the adapter. */
  client: ClientKind;
  /** `host:port` bootstrap servers. */
  brokers: string[];
  /** `client.id` sent to the brokers (shows in broker logs and quotas). */
  clientId?: string;
  /**
   * Client log verbosity, written to stderr. Defaults to `nothing`: every
   * failure already reaches the caller as an `EoskitError`, and both clients
   * log retriable errors loudly during ordinary broker restarts.
   */
  logLevel?: 'nothing' | 'error' | 'warn' | 'info' | 'debug';
}

/**
 * How the writer, reader and processor get a client: a kind with its
 * connection settings (the component then owns the client and closes it), or
 * a client made by `createClient` and shared (the caller closes it).
 */
export interface ClientChoice extends ClientSecurity {
  /** A client kind (then `brokers` is required) or an existing client. */
  client: ClientKind | KafkaClient;
  /** `host:port` bootstrap servers; only with a client kind. */
  brokers?: string[];
  /** `client.id` sent to the brokers; only with a client kind. */
  clientId?: string;
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
  /** The client library behind this adapter. */
  readonly kind: ClientKind;
  /** A new idempotent producer (transactional when `options.transactionalId` is set); call `connect()` first. */
  producer(options?: ProducerOptions): EosProducer;
  /** A new group consumer (read_committed, auto-commit off by default); call `connect()`, `subscribe()`, `run()`. */
  consumer(options: ConsumerOptions): EosConsumer;
  /** A new admin client; call `connect()` first. */
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
