import {
  EoskitError,
  createClient,
  encodeWriterId,
  isEoskitError,
  type EosAdmin,
  type EosProducer,
  type KafkaClient,
  type OutgoingRecord,
} from '@eoskit/core';
import { buildRecord, recordTopic, type RecordRules } from './build-record.js';
import { checkpointRecord, ensureCheckpointTopic } from './checkpoint-store.js';
import { classifyFailure } from './classify-failure.js';
import { IdempotentSender } from './idempotent-sender.js';
import type { PendingEntry } from './pending-entry.js';
import { recoverAtStart, scanSince, type LogAccess } from './recover-from-log.js';
import type { SendLimits, Sender, SenderContext } from './sender.js';
import { SequenceTracker } from './sequence-tracker.js';
import { TransactionalSender } from './transactional-sender.js';
import { WaitList } from './wait-list.js';
import { resolveOptions, type ResolvedOptions } from './writer-options.js';
import { WriterLifecycle, WriterState } from './writer-state.js';
import type { LastSequence, WriteManyResult, WriteResult, Writer, WriterOptions, WriterRecord } from './writer-types.js';
import { topicLimits } from './topic-limits.js';
import { writeMany } from './write-many.js';

/** Creates a writer; call `connect()` before writing. See the package README. */
export function createWriter(options: WriterOptions): Writer {
  return new EoskitWriter(resolveOptions(options));
}

class EoskitWriter implements Writer, SenderContext {
  readonly #o: ResolvedOptions;
  readonly #life = new WriterLifecycle();
  readonly #waits = new WaitList();
  readonly #writerIdHeader: Buffer;
  #client: KafkaClient | undefined;
  #admin: EosAdmin | undefined;
  #producer: EosProducer | undefined;
  #tracker: SequenceTracker | undefined;
  #sender: Sender | undefined;
  #rules: RecordRules;
  #limits: SendLimits | undefined;
  #failure: Error | undefined;
  #connecting: Promise<LastSequence> | undefined;
  #closing: Promise<void> | undefined;
  #timer: NodeJS.Timeout | undefined;
  #pumpScheduled = false;
  #lastProgressAt = 0;
  #recoveryCause: unknown;

  constructor(options: ResolvedOptions) {
    this.#o = options;
    this.#writerIdHeader = encodeWriterId(options.writerId);
    this.#rules = {
      topics: new Set(options.topics),
      defaultTopic: options.topics.length === 1 ? options.topics[0] : undefined,
      maxRecordBytes: options.maxRecordBytes,
    };
  }

  get writerId(): string {
    return this.#o.writerId;
  }
  get mode() {
    return this.#o.mode;
  }
  get state(): WriterState {
    return this.#life.state;
  }
  get tracker(): SequenceTracker {
    return this.#tracker as SequenceTracker;
  }
  get limits(): SendLimits {
    return this.#limits as SendLimits;
  }

  connect(): Promise<LastSequence> {
    if (this.#closing !== undefined) return Promise.reject(closed(this.#o.writerId));
    this.#connecting ??= this.#connect();
    return this.#connecting;
  }

  lastSequence(): LastSequence {
    if (this.#tracker === undefined) throw notConnected(this.#o.writerId);
    return this.#tracker.lastSequence();
  }

  write(record: WriterRecord): Promise<WriteResult> {
    try {
      return this.#accept(record).result;
    } catch (err) {
      return Promise.reject(err);
    }
  }

  writeMany(records: Iterable<WriterRecord> | AsyncIterable<WriterRecord>): Promise<WriteManyResult> {
    return writeMany(records, {
      accept: (record) => this.#accept(record),
      hasRoom: () => this.#hasRoom(),
      waitForRoom: () => this.#waits.until(() => this.#hasRoom()),
    });
  }

  async flush(): Promise<void> {
    this.#assertAccepting();
    await this.#waits.until(() => this.tracker.pendingRecords === 0);
    if (this.#life.state !== WriterState.Ready) return;
    try {
      await this.#sender?.checkpointNow();
    } catch (err) {
      // Every record is durable; a lost checkpoint only makes the next start scan further.
      this.failed(err);
    }
  }

  close(): Promise<void> {
    this.#closing ??= this.#close();
    return this.#closing;
  }

  // ---- SenderContext ---------------------------------------------------------

  producer(): EosProducer {
    return this.#producer as EosProducer;
  }

  canSend(): boolean {
    return this.#life.state === WriterState.Ready;
  }

  checkpoint(assumeAcked: boolean): { record: OutgoingRecord; fingerprint: string } {
    const snap = this.tracker.snapshot(assumeAcked);
    const { writerId, mode, checkpointTopic } = this.#o;
    return {
      record: checkpointRecord(checkpointTopic, { writerId, mode, ...snap, at: Date.now() }),
      fingerprint: JSON.stringify(snap),
    };
  }

  durable(entries: PendingEntry[]): void {
    if (this.#failure !== undefined || this.#tracker === undefined) return;
    for (const entry of entries) {
      const position = entry.position;
      if (position === undefined) continue;
      const violation = this.#tracker.markDone(entry, position);
      if (violation !== undefined) {
        entry.reject(violation);
        this.#fail(violation);
        return;
      }
      entry.resolve({ ...position, sequence: entry.seq });
    }
    this.#tracker.prune();
    this.#lastProgressAt = this.now();
  }

  failed(error: unknown): void {
    const state = this.#life.state;
    if (state !== WriterState.Ready && state !== WriterState.Recovering) return;
    if (classifyFailure(error, this.#o.mode) === 'fatal') return this.#fail(asError(error));
    if (state === WriterState.Recovering) return; // part of the episode already being handled
    this.#recoveryCause = error;
    this.#life.to(WriterState.Recovering);
    void this.#recover(asError(error));
  }

  changed(): void {
    this.#waits.notify(this.#failure);
    if (this.#pumpScheduled) return;
    this.#pumpScheduled = true;
    // Coalesces records written in the same turn into one batch.
    setImmediate(() => {
      this.#pumpScheduled = false;
      this.#sender?.pump();
    });
  }

  now(): number {
    return Date.now();
  }

  // ---- internals -------------------------------------------------------------

  async #connect(): Promise<LastSequence> {
    this.#life.to(WriterState.Connecting);
    try {
      const o = this.#o;
      this.#client =
        typeof o.client === 'string'
          ? await createClient({ client: o.client, brokers: o.brokers, clientId: 'eoskit-writer' })
          : o.client;
      this.#admin = this.#client.admin();
      await this.#admin.connect();
      await ensureCheckpointTopic(this.#admin, o.checkpointTopic);
      const limits = await topicLimits(this.#admin, o.topics);
      this.#rules.maxRecordBytes = Math.min(o.maxRecordBytes, limits.maxRecordBytes);
      this.#limits = {
        maxSendRecords: Math.min(o.maxBatchRecords, 5_000),
        maxSendBytes: limits.maxBatchBytes,
        // One send at a time: the adapters do not yet keep the call order of concurrent send()s
        // (each awaits partition metadata per record first), and the readers' deduplication needs
        // each partition in sequence order. TODO(core): 2 for kafkajs, 8 for confluent once they do.
        maxConcurrentSends: 1,
        maxTransactionRecords: o.maxBatchRecords,
        checkpointIntervalMs: o.checkpointIntervalMs,
      };
      this.#producer = await this.#newProducer();
      const { state } = await recoverAtStart(this.#access());
      this.#tracker = new SequenceTracker(state);
      this.#sender = o.mode === 'transactional' ? new TransactionalSender(this) : new IdempotentSender(this);
      if (this.#closing !== undefined) throw closed(o.writerId);
      this.#timer = setInterval(() => this.#tick(), Math.min(1000, o.checkpointIntervalMs));
      this.#timer.unref();
      this.#life.to(WriterState.Ready);
      return this.#tracker.lastSequence();
    } catch (err) {
      if (this.#life.state === WriterState.Connecting) this.#life.to(WriterState.Failed);
      this.#failure ??= asError(err);
      await this.#release();
      throw err;
    }
  }

  #accept(record: WriterRecord): { result: Promise<WriteResult>; alreadyDurable: boolean } {
    this.#assertAccepting();
    const tracker = this.tracker;
    const topic = recordTopic(record, this.#rules);
    const seq = tracker.nextSequence(record.sequence);
    const found = tracker.alreadyDurable(seq, topic);
    if (found !== undefined) {
      tracker.acceptDurable(seq);
      const { partition, offset } = found;
      return { result: Promise.resolve({ topic, partition, offset, sequence: seq }), alreadyDurable: true };
    }
    const built = buildRecord(record, topic, seq, this.#writerIdHeader, this.#rules);
    if (tracker.pendingRecords === 0) this.#lastProgressAt = this.now();
    const result = new Promise<WriteResult>((resolve, reject) => {
      tracker.accept({ seq, topic, ...built, acceptedAt: this.now(), status: 'queued', resolve, reject });
    });
    this.changed();
    return { result, alreadyDurable: false };
  }

  #hasRoom(): boolean {
    const t = this.tracker;
    return t.pendingRecords < this.#o.maxBufferedRecords && t.pendingBytes < this.#o.maxBufferedBytes;
  }

  #assertAccepting(): void {
    const state = this.#life.state;
    if (state === WriterState.Ready || state === WriterState.Recovering) return;
    if (state === WriterState.Failed && this.#failure !== undefined) throw failedError(this.#o.writerId, this.#failure);
    if (state === WriterState.Created || state === WriterState.Connecting) throw notConnected(this.#o.writerId);
    throw closed(this.#o.writerId);
  }

  async #newProducer(): Promise<EosProducer> {
    const o = this.#o;
    const producer = (this.#client as KafkaClient).producer({
      deliveryTimeoutMs: Math.min(30_000, o.deliveryTimeoutMs),
      ...o.producer,
      ...(o.mode === 'transactional' ? { transactionalId: transactionalIdOf(o.writerId) } : {}),
    });
    try {
      await producer.connect();
    } catch (err) {
      await disconnectQuietly(producer);
      throw err;
    }
    return producer;
  }

  #access(): LogAccess {
    const o = this.#o;
    return {
      client: this.#client as KafkaClient,
      admin: this.#admin as EosAdmin,
      writerId: o.writerId,
      topics: o.topics,
      checkpointTopic: o.checkpointTopic,
      readTimeoutMs: Math.max(30_000, o.deliveryTimeoutMs),
    };
  }

  /**
   * In-process recovery (see classify-failure.ts for why it is safe): wait
   * until nothing is in flight, replace the producer, read the log from the
   * writer's known positions, settle the in-doubt records found there and
   * queue the rest again ahead of newer ones. Retried with backoff until the
   * stall budget (deliveryTimeoutMs) runs out.
   */
  async #recover(cause: Error): Promise<void> {
    try {
      await this.#waits.until(() => (this.#sender?.inflight ?? 0) === 0);
    } catch {
      return; // failed meanwhile
    }
    for (let delay = 200; this.#life.state === WriterState.Recovering; delay = Math.min(delay * 2, 5000)) {
      try {
        await disconnectQuietly(this.#producer);
        this.#producer = await this.#newProducer();
        this.tracker.markInDoubt();
        const found = await scanSince(this.#access(), this.tracker.scanStarts());
        const overall = this.tracker.overall();
        const { durable, resend, error } = this.tracker.absorb(found.filter((r) => r.sequence > overall));
        if (this.#life.state !== WriterState.Recovering) return;
        for (const entry of durable) entry.resolve({ ...(entry.position as WriteResult), sequence: entry.seq });
        if (error !== undefined) return this.#fail(error);
        if (durable.length > 0) this.#lastProgressAt = this.now();
        this.tracker.prune();
        this.#life.to(WriterState.Ready);
        this.#o.onRecovery?.({ error: cause, foundDurable: durable.length, resent: resend });
        this.changed();
        return;
      } catch (err) {
        if (classifyFailure(err, this.#o.mode) === 'fatal') return this.#fail(asError(err));
        this.#recoveryCause = err;
        await new Promise((r) => setTimeout(r, delay));
      }
    }
  }

  #tick(): void {
    const t = this.#tracker;
    if (t === undefined) return;
    const stalledFor = this.now() - this.#lastProgressAt;
    if (t.pendingRecords > 0 && stalledFor > this.#o.deliveryTimeoutMs) {
      const last = this.#recoveryCause instanceof Error ? `; last error: ${this.#recoveryCause.message}` : '';
      return this.#fail(
        new EoskitError(
          'TIMEOUT',
          `writer ${this.#o.writerId}: no record became durable for ${stalledFor} ms (deliveryTimeoutMs ${this.#o.deliveryTimeoutMs})${last}; ` +
            'their outcome is unknown: create a new writer, its recovery reads the log',
          { retriable: true, cause: this.#recoveryCause },
        ),
      );
    }
    this.#sender?.pump();
  }

  #fail(error: Error): void {
    const state = this.#life.state;
    if (state !== WriterState.Ready && state !== WriterState.Recovering && state !== WriterState.Connecting) return;
    this.#failure = error;
    this.#life.to(WriterState.Failed);
    for (const entry of this.#tracker?.drain() ?? []) entry.reject(failedError(this.#o.writerId, error));
    this.#waits.notify(error);
    void disconnectQuietly(this.#producer);
  }

  async #close(): Promise<void> {
    let flushError: unknown;
    const state = this.#life.state;
    if (this.#connecting !== undefined && state === WriterState.Connecting) await this.#connecting.catch(() => undefined);
    if (this.#life.state === WriterState.Ready || this.#life.state === WriterState.Recovering) {
      await this.flush().catch((err: unknown) => {
        flushError = err;
      });
    }
    if (this.#life.state !== WriterState.Closing) this.#life.to(WriterState.Closing);
    clearInterval(this.#timer);
    const closing = closed(this.#o.writerId);
    for (const entry of this.#tracker?.drain() ?? []) entry.reject(closing);
    this.#waits.notify(closing);
    await this.#release();
    this.#life.to(WriterState.Closed);
    if (flushError !== undefined) throw flushError;
  }

  async #release(): Promise<void> {
    await disconnectQuietly(this.#producer);
    await this.#admin?.disconnect().catch(() => undefined);
    if (typeof this.#o.client === 'string') await this.#client?.close().catch(() => undefined);
  }
}

/** The transactional id of a writer: one per writer id, so a second live writer fences the first. */
export function transactionalIdOf(writerId: string): string {
  return `eoskit-writer-${writerId}`;
}

async function disconnectQuietly(producer: EosProducer | undefined): Promise<void> {
  try {
    await producer?.disconnect();
  } catch {
    /* a producer that failed may not disconnect cleanly; it is dropped either way */
  }
}

function asError(err: unknown): Error {
  return err instanceof Error ? err : new EoskitError('KAFKA', String(err));
}

function notConnected(writerId: string): EoskitError {
  return new EoskitError('NOT_CONNECTED', `writer ${writerId} is not connected: await connect() first`);
}

function closed(writerId: string): EoskitError {
  return new EoskitError('CLOSED', `writer ${writerId} is closed`);
}

function failedError(writerId: string, cause: Error): EoskitError {
  const code = isEoskitError(cause) ? cause.code : 'KAFKA';
  return new EoskitError(code, `writer ${writerId} failed: ${cause.message}`, { cause });
}
