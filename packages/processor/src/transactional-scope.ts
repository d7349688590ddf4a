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
  /** Set once a producer call failed: the producer is finished (core's failure rule). */
  private failed = false;

  constructor(
    readonly id: string,
    private readonly client: KafkaClient,
    private readonly consumer: EosConsumer,
    private readonly producerOptions: Omit<ProducerOptions, 'transactionalId'>,
  ) {
    this.machine = checkpointLifecycle(id);
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
      // The changelog joins the outputs still queued: often no extra round trip. The offsets go to
      // the group coordinator meanwhile: within a transaction their order does not matter, only
      // that everything is in before it commits.
      this.sends.add(changelog);
      const [sent, added] = await Promise.allSettled([
        this.sends.settle(),
        offsets.length > 0 ? txn.sendOffsets(this.consumer, offsets) : Promise.resolve(),
      ]);
      if (sent.status === 'rejected') throw sent.reason;
      if (added.status === 'rejected') throw added.reason;
      await txn.commit();
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
      await txn?.abort();
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
    await old?.disconnect().catch(() => undefined);
    await this.connect();
    this.machine.to(C.idle);
  }

  async close(): Promise<void> {
    if (this.machine.is(C.closed)) return;
    this.machine.to(C.closed);
    this.txn = undefined;
    await this.sends.drain();
    await this.producer?.disconnect().catch(() => undefined);
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
