import { withDeadline } from '@eoskit/core';
import type { EosConsumer, EosProducer, KafkaClient, OutgoingRecord, ProducerOptions, TopicPartitionOffset } from '@eoskit/core';
import type { CheckpointScope } from './checkpoint-scope.js';
import { CheckpointState, checkpointLifecycle } from './checkpoint-state.js';
import { PendingSends } from './pending-sends.js';

const C = CheckpointState;
const CALL_TIMEOUT_MS = 15_000;

/**
 * The at-least-once checkpoint scope: outputs and changelog records go
 * through a plain idempotent producer; a checkpoint waits for their acks and
 * then commits the offsets with the consumer. A crash between the two repeats
 * outputs (the baseline exactly-once is measured against).
 */
export class PlainScope implements CheckpointScope {
  readonly machine;
  readonly id = 'at-least-once';
  openedAt = 0;
  private producer: EosProducer | undefined;
  private readonly sends = new PendingSends((records) => this.producer!.send(records));

  constructor(
    private readonly client: KafkaClient,
    private readonly consumer: EosConsumer,
    private readonly producerOptions: Omit<ProducerOptions, 'transactionalId'>,
  ) {
    this.machine = checkpointLifecycle(this.id);
  }

  async connect(): Promise<void> {
    this.producer = this.client.producer(this.producerOptions);
    this.sends.clear();
    await this.producer.connect();
  }

  async open(): Promise<void> {
    if (!this.machine.is(C.idle)) return;
    this.openedAt = Date.now();
    this.machine.to(C.open);
  }

  send(records: OutgoingRecord[]): void {
    if (this.producer !== undefined) this.sends.add(records);
  }

  room(limit: number): Promise<void> {
    return this.sends.room(limit);
  }

  async commit(offsets: TopicPartitionOffset[], changelog: OutgoingRecord[]): Promise<void> {
    if (!this.machine.is(C.open)) return;
    this.machine.to(C.committing);
    this.sends.add(changelog);
    await this.sends.settle();
    if (offsets.length > 0) await withDeadline(this.consumer.commit(offsets), CALL_TIMEOUT_MS, 'offset commit');
    this.openedAt = 0;
    this.machine.to(C.idle);
  }

  async abort(): Promise<boolean> {
    this.openedAt = 0;
    if (this.machine.is(C.idle, C.broken, C.closed)) return this.machine.is(C.idle);
    this.machine.to(C.aborting);
    this.sends.cancel();
    await this.sends.drain();
    // Sent records stay; the offsets are not committed, so they are sent again (at-least-once).
    if (this.sends.failed) {
      this.machine.to(C.broken);
      return false;
    }
    this.machine.to(C.idle);
    return true;
  }

  async reset(): Promise<void> {
    if (!this.machine.is(C.broken)) this.machine.to(C.broken);
    this.openedAt = 0;
    const old = this.producer;
    this.producer = undefined;
    if (old !== undefined) await withDeadline(old.disconnect(), CALL_TIMEOUT_MS, 'disconnect').catch(() => undefined);
    await this.connect();
    this.machine.to(C.idle);
  }

  async close(): Promise<void> {
    if (this.machine.is(C.closed)) return;
    this.machine.to(C.closed);
    this.sends.cancel();
    await withDeadline(this.sends.drain(), CALL_TIMEOUT_MS, 'sends').catch(() => undefined);
    if (this.producer !== undefined) await withDeadline(this.producer.disconnect(), CALL_TIMEOUT_MS, 'disconnect').catch(() => undefined);
  }
}
