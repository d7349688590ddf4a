import { withDeadline } from '@eoskit/core';
import type { EosConsumer, EosProducer, EosTransaction, KafkaClient, OutgoingRecord, ProducerOptions, TopicPartitionOffset } from '@eoskit/core';
import type { CheckpointScope } from './checkpoint-scope.js';
import { CheckpointState, checkpointLifecycle } from './checkpoint-state.js';
import { PendingSends } from './pending-sends.js';

const C = CheckpointState;

/**
 * A checkpoint scope backed by a transactional producer: each checkpoint is
 * one transaction holding the outputs, the changelog records and the consumed
 * offsets (`sendOffsets`, with the consumer's group metadata where the client
 * supports KIP-447).
 */
export class TransactionalScope implements CheckpointScope {
  readonly machine;
  openedAt = 0;
  private producer: EosProducer | undefined;
  private txn: EosTransaction | undefined;
  private readonly sends = new PendingSends((records) => this.guard(() => this.txn!.send(records)));
  private readonly callTimeoutMs: number;
  /** Set once a producer call failed: the producer is finished (core's failure rule). */
  private failed = false;

  constructor(
    readonly id: string,
    private readonly client: KafkaClient,
    private readonly consumer: EosConsumer,
    private readonly producerOptions: Omit<ProducerOptions, 'transactionalId'>,
  ) {
    this.machine = checkpointLifecycle(id);
    // Half the transaction timeout: past that, the broker is about to abort the transaction anyway.
    this.callTimeoutMs = Math.max(5000, Math.floor((producerOptions.transactionTimeoutMs ?? 60_000) / 2));
  }

  async connect(): Promise<void> {
    const producer = this.client.producer({ ...this.producerOptions, transactionalId: this.id });
    this.producer = producer;
    this.failed = false;
    this.sends.clear();
    await producer.connect();
  }

  async open(): Promise<void> {
    if (!this.machine.is(C.idle)) return;
    this.txn = await this.guard(() => this.producer!.beginTransaction());
    this.openedAt = Date.now();
    this.machine.to(C.open);
  }

  send(records: OutgoingRecord[]): void {
    if (this.txn !== undefined) this.sends.add(records);
  }

  room(limit: number): Promise<void> {
    return this.sends.room(limit);
  }

  async commit(offsets: TopicPartitionOffset[], changelog: OutgoingRecord[]): Promise<void> {
    const txn = this.txn;
    if (txn === undefined) return;
    this.machine.to(C.committing);
    await this.guard(async () => {
      // The changelog joins the outputs still queued: often no extra round trip. The offsets follow
      // once every record is in: sent alongside, AddOffsetsToTxn races the records'
      // AddPartitionsToTxn at the coordinator, which answers CONCURRENT_TRANSACTIONS.
      this.sends.add(changelog);
      await this.sends.settle();
      if (offsets.length > 0) await withDeadline(txn.sendOffsets(this.consumer, offsets), this.callTimeoutMs, `sendOffsets of ${this.id}`);
      await withDeadline(txn.commit(), this.callTimeoutMs, `commit of ${this.id}`);
    });
    this.txn = undefined;
    this.openedAt = 0;
    this.machine.to(C.idle);
  }

  async abort(): Promise<boolean> {
    const txn = this.txn;
    this.txn = undefined;
    this.openedAt = 0;
    if (this.machine.is(C.idle, C.broken, C.closed)) return !this.failed && this.machine.is(C.idle);
    this.machine.to(C.aborting);
    this.sends.cancel();
    await this.sends.drain();
    try {
      if (txn !== undefined) await withDeadline(txn.abort(), this.callTimeoutMs, `abort of ${this.id}`);
    } catch {
      this.failed = true;
    }
    if (this.failed) {
      this.machine.to(C.broken);
      return false;
    }
    this.machine.to(C.idle);
    return true;
  }

  async reset(): Promise<void> {
    if (!this.machine.is(C.broken)) this.machine.to(C.broken);
    this.txn = undefined;
    this.openedAt = 0;
    const old = this.producer;
    this.producer = undefined;
    // A wedged producer may never finish disconnecting; the new one fences it anyway.
    if (old !== undefined) await withDeadline(old.disconnect(), this.callTimeoutMs, `disconnect of ${this.id}`).catch(() => undefined);
    await this.connect();
    this.machine.to(C.idle);
  }

  async close(): Promise<void> {
    if (this.machine.is(C.closed)) return;
    this.machine.to(C.closed);
    this.txn = undefined;
    this.sends.cancel();
    await withDeadline(this.sends.drain(), this.callTimeoutMs, `sends of ${this.id}`).catch(() => undefined);
    if (this.producer !== undefined) await withDeadline(this.producer.disconnect(), this.callTimeoutMs, `disconnect of ${this.id}`).catch(() => undefined);
  }

  private async guard<T>(run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (err) {
      this.failed = true;
      throw err;
    }
  }
}
