import { encodeWriterId, type EosProducer, type OutgoingRecord } from '@eoskit/core';
import { buildRecord, recordTopic, type RecordRules } from './build-record.js';
import { checkpointRecord } from './checkpoint-store.js';
import { classifyFailure } from './classify-failure.js';
import { IdempotentSender } from './idempotent-sender.js';
import type { PendingEntry } from './pending-entry.js';
import { recoverInProcess, type RecoveryPort } from './in-process-recovery.js';
import { recoverAtStart } from './recover-from-log.js';
import type { SendLimits, Sender, SenderContext } from './sender.js';
import { SequenceTracker } from './sequence-tracker.js';
import { TransactionalSender } from './transactional-sender.js';
import { WaitList } from './wait-list.js';
import { writeMany } from './write-many.js';
import { asError, closedError, failedError, notConnected, stalledError } from './writer-errors.js';
import { resolveOptions, type ResolvedOptions } from './writer-options.js';
import { WriterSession } from './writer-session.js';
import { WriterLifecycle, WriterState } from './writer-state.js';
import type { LastSequence, WriteManyResult, WriteResult, Writer, WriterOptions, WriterRecord } from './writer-types.js';

/** Creates a writer; call `connect()` before writing. See the package README. */
export function createWriter(options: WriterOptions): Writer {
  return new EoskitWriter(resolveOptions(options));
}

/**
 * The writer: lifecycle, accepting records, and what to do when a send
 * fails. Bookkeeping lives in SequenceTracker, Kafka plumbing in
 * WriterSession, the send loop in the mode's Sender.
 */
class EoskitWriter implements Writer, SenderContext {
  readonly #o: ResolvedOptions;
  readonly #life = new WriterLifecycle();
  readonly #waits = new WaitList();
  readonly #writerIdHeader: Buffer;
  readonly #rules: RecordRules;
  #session: WriterSession | undefined;
  #tracker: SequenceTracker | undefined;
  #sender: Sender | undefined;
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
    const { topics, maxRecordBytes } = options;
    this.#rules = { topics: new Set(topics), defaultTopic: topics.length === 1 ? topics[0] : undefined, maxRecordBytes };
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
    return (this.#session as WriterSession).limits;
  }

  connect(): Promise<LastSequence> {
    if (this.#closing !== undefined) return Promise.reject(closedError(this.#o.writerId));
    this.#connecting ??= this.#connect();
    return this.#connecting;
  }

  lastSequence(): LastSequence {
    if (this.#tracker === undefined) throw notConnected(this.#o.writerId);
    return this.#tracker.lastSequence();
  }

  write(record: WriterRecord): Promise<WriteResult> {
    return new Promise((resolve, reject) => {
      const found = this.#accept(record, resolve, reject);
      if (found !== undefined) resolve(found);
    });
  }

  writeMany(records: Iterable<WriterRecord> | AsyncIterable<WriterRecord>): Promise<WriteManyResult> {
    return writeMany(records, {
      accept: (record, done, failed) => {
        const found = this.#accept(record, done, failed);
        if (found !== undefined) done(found);
        return found !== undefined;
      },
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
    return (this.#session as WriterSession).producer;
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
        return this.#fail(violation);
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
    void recoverInProcess(this.#recoveryPort(asError(error)));
  }

  changed(): void {
    this.#waits.notify();
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
      const session = await WriterSession.open(this.#o);
      this.#session = session;
      this.#rules.maxRecordBytes = session.maxRecordBytes;
      // Transactional: this init fences a crashed predecessor and ends its transaction before the log is read.
      await session.replaceProducer();
      const { state } = await recoverAtStart(session.access());
      this.#tracker = new SequenceTracker(state);
      this.#sender = this.#o.mode === 'transactional' ? new TransactionalSender(this) : new IdempotentSender(this);
      // Saves what recovery learned (for a new writer: the current ends as scan starts), so the
      // next start scans from here even if this run dies before its first periodic checkpoint.
      await this.#sender.checkpointNow();
      if (this.#closing !== undefined) throw closedError(this.#o.writerId);
      this.#timer = setInterval(() => this.#tick(), Math.min(1000, this.#o.checkpointIntervalMs));
      this.#timer.unref();
      this.#life.to(WriterState.Ready);
      return this.#tracker.lastSequence();
    } catch (err) {
      if (this.#life.state === WriterState.Connecting) this.#life.to(WriterState.Failed);
      this.#failure ??= asError(err);
      await this.#session?.release();
      throw err;
    }
  }

  /**
   * Checks and accepts a record; `resolve`/`reject` settle it. Returns the
   * position when an earlier run already made it durable (nothing is sent).
   */
  #accept(record: WriterRecord, resolve: (r: WriteResult) => void, reject: (e: Error) => void): WriteResult | undefined {
    this.#assertAccepting();
    const tracker = this.tracker;
    const topic = recordTopic(record, this.#rules);
    const seq = tracker.nextSequence(record.sequence);
    const found = tracker.alreadyDurable(seq, topic);
    if (found !== undefined) {
      tracker.acceptDurable(seq);
      return { topic, partition: found.partition, offset: found.offset, sequence: seq };
    }
    const built = buildRecord(record, topic, seq, this.#writerIdHeader, this.#rules);
    if (tracker.pendingRecords === 0) this.#lastProgressAt = this.now();
    tracker.accept({ seq, topic, ...built, acceptedAt: this.now(), status: 'queued', resolve, reject });
    this.changed();
    return undefined;
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
    throw closedError(this.#o.writerId);
  }

  #recoveryPort(cause: Error): RecoveryPort {
    return {
      session: this.#session as WriterSession,
      tracker: this.tracker,
      mode: this.#o.mode,
      untilIdle: () => this.#waits.until(() => (this.#sender?.inflight ?? 0) === 0),
      stillRecovering: () => this.#life.state === WriterState.Recovering,
      recovered: (durable, resend) => {
        for (const entry of durable) entry.resolve({ ...(entry.position as WriteResult), sequence: entry.seq });
        if (durable.length > 0) this.#lastProgressAt = this.now();
        this.tracker.prune();
        this.#life.to(WriterState.Ready);
        this.#o.onRecovery?.({ error: cause, foundDurable: durable.length, resent: resend });
        this.changed();
      },
      fail: (error) => this.#fail(error),
      attemptFailed: (error) => {
        this.#recoveryCause = error;
      },
    };
  }

  /** Once a second: the stall budget, and the idle checkpoint. */
  #tick(): void {
    const stalledFor = this.now() - this.#lastProgressAt;
    if (this.tracker.pendingRecords > 0 && stalledFor > this.#o.deliveryTimeoutMs) {
      return this.#fail(stalledError(this.#o.writerId, stalledFor, this.#o.deliveryTimeoutMs, this.#recoveryCause));
    }
    this.#sender?.pump();
  }

  #fail(error: Error): void {
    const state = this.#life.state;
    if (state !== WriterState.Ready && state !== WriterState.Recovering) return;
    this.#failure = error;
    this.#life.to(WriterState.Failed);
    for (const entry of this.#tracker?.drain() ?? []) entry.reject(failedError(this.#o.writerId, error));
    this.#waits.notify(failedError(this.#o.writerId, error));
    this.#session?.dropProducer();
  }

  async #close(): Promise<void> {
    let flushError: unknown;
    if (this.#life.state === WriterState.Connecting) await this.#connecting?.catch(() => undefined);
    if (this.#life.state === WriterState.Ready || this.#life.state === WriterState.Recovering) {
      await this.flush().catch((err: unknown) => {
        flushError = err;
      });
    }
    this.#life.to(WriterState.Closing);
    clearInterval(this.#timer);
    const closed = closedError(this.#o.writerId);
    for (const entry of this.#tracker?.drain() ?? []) entry.reject(closed);
    this.#waits.notify(closed);
    await this.#session?.release();
    this.#life.to(WriterState.Closed);
    if (flushError !== undefined) throw flushError;
  }
}
