import type { OutgoingRecord, RecordPosition } from '@eoskit/core';
import type { PendingEntry } from './pending-entry.js';
import type { Sender, SenderContext } from './sender.js';

/**
 * Idempotent mode: pipelined `send()` calls, each durable once acknowledged
 * by all in-sync replicas. Records go out strictly in sequence order; the
 * client keeps that order per partition within one producer. A checkpoint
 * record rides along with a data send at most every checkpointIntervalMs; it
 * only describes records already acknowledged, so it is correct whenever it
 * lands.
 *
 * Answers are applied in send order: a later send may be acknowledged first
 * (its partitions were quicker), and the tracker's ordering check expects
 * each partition's sequences to become durable in increasing order. Once a
 * send failed, the answers of the sends behind it are not applied: their
 * records stay in doubt with the failed ones, and recovery reads the log to
 * settle them all together, in sequence order.
 */
export class IdempotentSender implements Sender {
  readonly #ctx: SenderContext;
  #inflight = 0;
  #lastCheckpointAt = 0;
  #lastCheckpointKey = '';
  /** Sends in flight, oldest first, with their answer once it came. */
  readonly #answers: Array<{ settled?: () => void }> = [];
  /** A send failed: answers of the sends behind it are dropped until the pipeline is empty. */
  #dropAnswers = false;

  constructor(ctx: SenderContext) {
    this.#ctx = ctx;
    this.#lastCheckpointAt = ctx.now();
  }

  get inflight(): number {
    return this.#inflight;
  }

  pump(): void {
    const { tracker, limits } = this.#ctx;
    while (this.#ctx.canSend() && this.#inflight < limits.maxConcurrentSends) {
      const batch = tracker.takeBatch(limits.maxSendRecords, limits.maxSendBytes);
      const checkpoint = this.#dueCheckpoint(batch.length === 0);
      if (batch.length === 0 && checkpoint === undefined) return;
      const records = batch.map((e) => e.record);
      if (checkpoint !== undefined) records.push(checkpoint.record);
      this.#send(records, batch, checkpoint?.key);
    }
  }

  async checkpointNow(): Promise<void> {
    const due = this.#checkpointIfChanged();
    if (due === undefined) return;
    this.#inflight += 1;
    try {
      await this.#ctx.producer().send([due.record]);
      this.#lastCheckpointKey = due.key;
    } finally {
      this.#inflight -= 1;
      this.#ctx.changed();
    }
  }

  #send(records: OutgoingRecord[], batch: PendingEntry[], checkpointKey: string | undefined): void {
    this.#inflight += 1;
    const slot: { settled?: () => void } = {};
    this.#answers.push(slot);
    const answered = (apply: () => void) => {
      slot.settled = apply;
      this.#applyAnswers();
    };
    this.#ctx
      .producer()
      .send(records)
      .then(
        (positions) => answered(() => this.#acknowledged(batch, positions, checkpointKey)),
        (error: unknown) =>
          answered(() => {
            this.#dropAnswers = true;
            this.#ctx.failed(error);
          }),
      );
  }

  /** Applies answers from the oldest send on, stopping at one still unanswered. */
  #applyAnswers(): void {
    while (this.#answers[0]?.settled !== undefined) {
      const { settled } = this.#answers.shift() as { settled: () => void };
      this.#inflight -= 1;
      if (!this.#dropAnswers) settled();
    }
    if (this.#answers.length === 0) this.#dropAnswers = false;
    this.#ctx.changed();
    // Start the next send now rather than a turn later: every gap between sends is time the
    // connection idles.
    this.pump();
  }

  #acknowledged(batch: PendingEntry[], positions: RecordPosition[], checkpointKey: string | undefined): void {
    batch.forEach((entry, i) => {
      entry.position = positions[i] as RecordPosition;
    });
    this.#ctx.durable(batch);
    if (checkpointKey !== undefined) this.#lastCheckpointKey = checkpointKey;
  }

  // With an idle pipeline the timer's pump sends a lone checkpoint; with
  // records flowing it rides along with a data send.
  #dueCheckpoint(idle: boolean): { record: OutgoingRecord; key: string } | undefined {
    const now = this.#ctx.now();
    if (now - this.#lastCheckpointAt < this.#ctx.limits.checkpointIntervalMs) return undefined;
    if (idle && this.#inflight > 0) return undefined;
    const due = this.#checkpointIfChanged();
    this.#lastCheckpointAt = now;
    return due;
  }

  #checkpointIfChanged(): { record: OutgoingRecord; key: string } | undefined {
    const { record, fingerprint } = this.#ctx.checkpoint(false);
    return fingerprint === this.#lastCheckpointKey ? undefined : { record, key: fingerprint };
  }
}
