import { isEoskitError, type EosTransaction, type RecordPosition } from '@eoskit/core';
import type { PendingEntry } from './pending-entry.js';
import type { Sender, SenderContext } from './sender.js';

/**
 * Transactional mode: one transaction at a time, each holding the records
 * queued since the previous one (up to maxTransactionRecords) and, last, the
 * writer's checkpoint describing the state as if it commits. Records resolve
 * only after the commit, so "durable" means "committed": a read_committed
 * consumer sees each record once, and recovery reads the last committed
 * checkpoint and knows exactly where the writer stands (Kafka Connect's
 * exactly-once source design).
 *
 * While one transaction commits the next batch accumulates, so batches grow
 * with load and the per-transaction cost (AddPartitionsToTxn, EndTxn, the
 * markers) is shared by more records.
 */
export class TransactionalSender implements Sender {
  readonly #ctx: SenderContext;
  #inflight = 0;
  /** Fingerprint of the state the last committed checkpoint describes. */
  #committed = '';

  constructor(ctx: SenderContext) {
    this.#ctx = ctx;
  }

  get inflight(): number {
    return this.#inflight;
  }

  pump(): void {
    if (this.#inflight > 0 || !this.#ctx.canSend()) return;
    const { tracker, limits } = this.#ctx;
    const batch = tracker.takeBatch(limits.maxTransactionRecords, limits.maxTransactionBytes);
    if (batch.length === 0) return;
    this.#inflight = 1;
    this.#transaction(batch)
      .then(
        () => this.#ctx.durable(batch),
        (error: unknown) => this.#ctx.failed(error),
      )
      .finally(() => {
        this.#inflight = 0;
        this.#ctx.changed();
      });
  }

  /**
   * A transaction holding only a checkpoint, when the state moved since the
   * last committed one (at connect after a recovery that found more than
   * the checkpoint said; every data transaction carries its own).
   */
  async checkpointNow(): Promise<void> {
    if (this.#inflight > 0) return;
    const checkpoint = this.#ctx.checkpoint(false);
    if (checkpoint.fingerprint === this.#committed) return;
    this.#inflight = 1;
    try {
      const txn = await this.#ctx.producer().beginTransaction();
      try {
        await txn.send([checkpoint.record]);
        await txn.commit();
      } catch (error) {
        throw (await abortRevealingFence(txn)) ?? error;
      }
      this.#committed = checkpoint.fingerprint;
    } finally {
      this.#inflight = 0;
      this.#ctx.changed();
    }
  }

  async #transaction(batch: PendingEntry[]): Promise<void> {
    const { tracker, limits } = this.#ctx;
    const txn = await this.#ctx.producer().beginTransaction();
    try {
      // confluent keeps call order per partition, so its chunks may overlap; kafkajs goes one at a time.
      const sendChunk = async (chunk: PendingEntry[]) => {
        const positions = await txn.send(chunk.map((e) => e.record));
        chunk.forEach((entry, i) => tracker.markAcked(entry, positions[i] as RecordPosition));
      };
      const all = [...chunks(batch, limits.maxSendRecords, limits.maxSendBytes)];
      if (limits.maxConcurrentSends > 1) {
        const results = await Promise.allSettled(all.map(sendChunk));
        const failure = results.find((r) => r.status === 'rejected');
        if (failure !== undefined) throw failure.reason;
      } else {
        for (const chunk of all) await sendChunk(chunk);
      }
      const checkpoint = this.#ctx.checkpoint(true);
      await txn.send([checkpoint.record]);
      // A failed commit has an unknown outcome: recovery decides from the log.
      await txn.commit();
      this.#committed = checkpoint.fingerprint;
    } catch (error) {
      throw (await abortRevealingFence(txn)) ?? error;
    }
  }
}

function* chunks(batch: PendingEntry[], maxRecords: number, maxBytes: number): Generator<PendingEntry[]> {
  let chunk: PendingEntry[] = [];
  let bytes = 0;
  for (const entry of batch) {
    if (chunk.length > 0 && (chunk.length >= maxRecords || bytes + entry.bytes > maxBytes)) {
      yield chunk;
      chunk = [];
      bytes = 0;
    }
    chunk.push(entry);
    bytes += entry.bytes;
  }
  if (chunk.length > 0) yield chunk;
}

/**
 * Aborts after a failure and returns the abort's error when it says the
 * producer was fenced. The core adapter already reports fencing on the failed
 * send itself (with confluent it asks librdkafka why a send was purged); this
 * stays as a second look for the case it cannot ask (a confluent version
 * without the internal client it uses). Any other abort error adds nothing:
 * the next producer's init aborts the transaction anyway.
 */
async function abortRevealingFence(txn: EosTransaction): Promise<Error | undefined> {
  try {
    await txn.abort();
  } catch (err) {
    if (isEoskitError(err, 'PRODUCER_FENCED')) return err;
  }
  return undefined;
}
