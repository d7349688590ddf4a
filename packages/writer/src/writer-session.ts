import { openClientChoice, type EosAdmin, type EosProducer, type KafkaClient } from '@eoskit/core';
import { ensureCheckpointTopic } from './checkpoint-store.js';
import type { LogAccess } from './recover-from-log.js';
import type { SendLimits } from './sender.js';
import { topicLimits } from './topic-limits.js';
import type { ResolvedOptions } from './writer-options.js';

/** The transactional id of a writer: one per writer id, so a second live writer fences the first. */
export function transactionalIdOf(writerId: string): string {
  return `eoskit-writer-${writerId}`;
}

/**
 * The Kafka side of a connected writer: client, admin, the current producer,
 * and the limits read from the topics. Producers are replaced after failures;
 * the rest lives until `release()`.
 */
export class WriterSession {
  readonly client: KafkaClient;
  #admin: EosAdmin;
  readonly limits: SendLimits;
  /** Largest record accepted (option, lowered to the topics' max.message.bytes). */
  readonly maxRecordBytes: number;
  #producer: EosProducer | undefined;
  readonly #o: ResolvedOptions;
  /** Made by the writer from a client kind, so closed with it. */
  readonly #ownsClient: boolean;

  private constructor(o: ResolvedOptions, client: KafkaClient, ownsClient: boolean, admin: EosAdmin, limits: SendLimits, maxRecordBytes: number) {
    this.#o = o;
    this.client = client;
    this.#ownsClient = ownsClient;
    this.#admin = admin;
    this.limits = limits;
    this.maxRecordBytes = maxRecordBytes;
  }

  /** Connects, creates the checkpoint topic when missing and reads the topics' size limits. */
  static async open(o: ResolvedOptions): Promise<WriterSession> {
    const { client, owned } = await openClientChoice(o.connection, 'eoskit-writer');
    const admin = client.admin();
    try {
      await admin.connect();
      await ensureCheckpointTopic(admin, o.checkpointTopic);
      const sizes = await topicLimits(admin, o.topics);
      const limits: SendLimits = {
        maxSendRecords: Math.min(o.maxBatchRecords, 5_000),
        // kafkajs puts a send's records for one partition into one record batch, which must fit
        // max.message.bytes; librdkafka splits sends into batches itself, so larger sends only
        // mean fewer round trips.
        maxSendBytes: client.kind === 'kafkajs' ? sizes.maxBatchBytes : 4 * sizes.maxBatchBytes,
        // Both adapters keep the call order of concurrent sends, and the idempotent sender applies
        // answers in send order. kafkajs: 2, so the next send is already queued in the adapter when
        // one is answered (its sends still go one at a time; a failure stops the rest unsent).
        // confluent: 1. Measured (bench/writer.ts, 7 paired rounds): 8 in flight was no faster,
        // and with more sends in flight, records that expire in librdkafka's queue after a long
        // partition outage can be followed by later records of the same partition (see README).
        maxConcurrentSends: client.kind === 'kafkajs' ? 2 : 1,
        maxTransactionRecords: o.maxBatchRecords,
        // About 4 MB: large enough that the per-transaction cost (AddPartitionsToTxn, EndTxn,
        // markers) is small, small enough that a commit is quick and a crash loses little.
        maxTransactionBytes: 4 * sizes.maxBatchBytes,
        checkpointIntervalMs: o.checkpointIntervalMs,
      };
      return new WriterSession(o, client, owned, admin, limits, Math.min(o.maxRecordBytes, sizes.maxRecordBytes));
    } catch (err) {
      await admin.disconnect().catch(() => undefined);
      if (owned) await client.close().catch(() => undefined);
      throw err;
    }
  }

  /** The current producer (after `replaceProducer()`). */
  get producer(): EosProducer {
    if (this.#producer === undefined) throw new Error('writer bug: no producer yet');
    return this.#producer;
  }

  /**
   * Drops the current producer and connects a new one. In transactional mode
   * the new one's init fences the old one and ends its open transaction.
   */
  async replaceProducer(): Promise<void> {
    await disconnectQuietly(this.#producer);
    this.#producer = undefined;
    const o = this.#o;
    // A quarter of the writer's budget: a send stuck on an unreachable partition gives up in time
    // for a few recovery rounds before the writer itself gives up. Never above the transaction timeout.
    const transactionTimeoutMs = o.producer.transactionTimeoutMs ?? 60_000;
    const quarter = Math.min(30_000, Math.max(5_000, Math.floor(o.deliveryTimeoutMs / 4)));
    const producer = this.client.producer({
      deliveryTimeoutMs: o.mode === 'transactional' ? Math.min(quarter, transactionTimeoutMs) : quarter,
      ...o.producer,
      ...(o.mode === 'transactional' ? { transactionalId: transactionalIdOf(o.writerId) } : {}),
    });
    try {
      await producer.connect();
    } catch (err) {
      await disconnectQuietly(producer);
      throw err;
    }
    this.#producer = producer;
  }

  /**
   * Replaces the admin client. After a broker died, a client's connections
   * and metadata can stay stuck on it (seen with librdkafka timing out on
   * every call for minutes); a fresh one bootstraps again.
   */
  async replaceAdmin(): Promise<void> {
    const fresh = this.client.admin();
    await fresh.connect();
    const old = this.#admin;
    this.#admin = fresh;
    await old.disconnect().catch(() => undefined);
  }

  /** Drops the producer (the writer failed); it is not replaced. */
  dropProducer(): void {
    void disconnectQuietly(this.#producer);
  }

  /** What recovery reads through. */
  access(): LogAccess {
    const o = this.#o;
    return {
      client: this.client,
      admin: this.#admin,
      writerId: o.writerId,
      topics: o.topics,
      checkpointTopic: o.checkpointTopic,
      readTimeoutMs: Math.max(30_000, o.deliveryTimeoutMs),
    };
  }

  /** Disconnects everything; the client only when the writer created it. */
  async release(): Promise<void> {
    await disconnectQuietly(this.#producer);
    await this.#admin.disconnect().catch(() => undefined);
    if (this.#ownsClient) await this.client.close().catch(() => undefined);
  }
}

async function disconnectQuietly(producer: EosProducer | undefined): Promise<void> {
  try {
    await producer?.disconnect();
  } catch {
    /* a producer that failed may not disconnect cleanly; it is dropped either way */
  }
}
