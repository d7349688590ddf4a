/**
 * The consumer-loop bookkeeping both adapters share: the assignment, paused
 * partitions, seeks made during a batch, the rule that no batch runs while a
 * rebalance callback does, and stopping the loop on the first failure.
 */
import { partitionKey } from './record-positions.js';
import type { ConsumedRecord, ConsumerHandlers, TopicPartition } from './types.js';

/** What happened to a delivered batch. */
export type Delivery = 'handled' | 'seeked' | 'stopped';

export class ConsumerLoop {
  readonly assigned = new Map<string, TopicPartition>();
  readonly paused = new Map<string, TopicPartition>();
  /** Bumped by every seek, so a batch fetched before a seek is not delivered after it. */
  private readonly seekEpochs = new Map<string, number>();
  private gate: Promise<void> = Promise.resolve();
  private failure: Error | undefined;

  constructor(
    private readonly handlers: ConsumerHandlers,
    private readonly maxBatchSize: number,
    /** Pauses every partition in the client (called once, on failure). */
    private readonly pauseAll: (partitions: TopicPartition[]) => void,
  ) {}

  get failed(): boolean {
    return this.failure !== undefined;
  }

  /** Runs rebalance callbacks; batches wait until they are done. */
  rebalance(work: () => Promise<void>): Promise<void> {
    const run = this.gate.then(async () => {
      if (this.failure) return;
      try {
        await work();
      } catch (err) {
        this.fail(err);
      }
    });
    this.gate = run;
    return run;
  }

  /** Records an assignment and tells the handler. */
  async assign(partitions: TopicPartition[]): Promise<void> {
    for (const tp of partitions) this.assigned.set(partitionKey(tp), { topic: tp.topic, partition: tp.partition });
    if (partitions.length > 0) await this.handlers.onAssigned?.(partitions);
  }

  /** Tells the handler first, then forgets the partitions (and their pauses). */
  async revoke(partitions: TopicPartition[]): Promise<void> {
    if (partitions.length > 0) await this.handlers.onRevoked?.(partitions);
    for (const tp of partitions) {
      this.assigned.delete(partitionKey(tp));
      this.paused.delete(partitionKey(tp));
    }
  }

  /** Remembers pauses of owned partitions; returns those that are owned. */
  markPaused(partitions: readonly TopicPartition[]): TopicPartition[] {
    const owned = partitions.filter((tp) => this.isAssigned(tp));
    for (const tp of owned) this.paused.set(partitionKey(tp), { topic: tp.topic, partition: tp.partition });
    return owned;
  }

  markResumed(partitions: readonly TopicPartition[]): void {
    for (const tp of partitions) this.paused.delete(partitionKey(tp));
  }

  isAssigned(tp: TopicPartition): boolean {
    return this.assigned.has(partitionKey(tp));
  }

  /** Notes a seek: the batch in progress is not marked handled, and batches fetched before it are dropped. */
  noteSeek(tp: TopicPartition): void {
    const key = partitionKey(tp);
    this.seekEpochs.set(key, (this.seekEpochs.get(key) ?? 0) + 1);
  }

  /**
   * Hands records to `eachBatch` in chunks of at most `maxBatchSize`.
   * `clientSaysStale` reports a seek the client knows of (kafkajs: one made
   * after this batch was fetched).
   */
  async deliver(
    tp: TopicPartition,
    records: ConsumedRecord[],
    highWatermark: number,
    clientSaysStale: () => boolean = () => false,
  ): Promise<Delivery> {
    const key = partitionKey(tp);
    const epoch = this.seekEpochs.get(key);
    await this.gate;
    if (this.failure || !this.assigned.has(key)) return 'stopped';
    // A seek since the fetch (e.g. in onAssigned) makes these records stale.
    const isStale = (): boolean => this.seekEpochs.get(key) !== epoch || clientSaysStale();
    if (isStale()) return 'seeked';
    try {
      for (let start = 0; start < records.length; start += this.maxBatchSize) {
        const chunk = records.slice(start, start + this.maxBatchSize);
        await this.handlers.eachBatch({ topic: tp.topic, partition: tp.partition, records: chunk, highWatermark, isStale });
        if (this.seekEpochs.get(key) !== epoch) return 'seeked';
        if (this.failure) return 'stopped';
      }
    } catch (err) {
      this.fail(err);
      return 'stopped';
    }
    return 'handled';
  }

  /** Stops the loop: pauses everything and reports the error once. */
  fail(err: unknown): void {
    if (this.failure) return;
    this.failure = err instanceof Error ? err : new Error(String(err));
    try {
      this.pauseAll([...this.assigned.values()]);
    } catch {
      // The client may already be gone; the loop is stopped either way.
    }
    this.handlers.onError?.(this.failure);
  }
}
