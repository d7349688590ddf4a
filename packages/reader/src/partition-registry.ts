import type { TopicPartition } from '@eoskit/core';
import { parseTopicPartitionKey, topicPartitionKey } from './topic-partition-key.js';

/** Loads the state of newly seen partitions, keyed by `topicPartitionKey`. */
export type PartitionLoader<S> = (partitions: TopicPartition[]) => Promise<Map<string, S>>;

interface Entry<S> {
  /** Bumped on invalidate/release: a load started before belongs to an older epoch and is discarded. */
  epoch: number;
  state?: S;
  loading?: Promise<S>;
}

/**
 * Per-partition state of a consumer that must be (re)built before a
 * partition is processed: loaded in batches when partitions are assigned,
 * awaited by the first batch, dropped when the partition is revoked and
 * reloaded after a failure made it doubtful. Reusable by anything that keeps
 * state per input partition (the reader's dedup, the processor's stores).
 */
export class PartitionRegistry<S> {
  private readonly entries = new Map<string, Entry<S>>();
  private epochs = 0;

  constructor(private readonly load: PartitionLoader<S>) {}

  /** Starts loading these partitions in one batch, unless loaded or loading already. */
  prefetch(partitions: TopicPartition[]): void {
    const missing = partitions.filter((tp) => {
      const e = this.entries.get(topicPartitionKey(tp));
      return e === undefined || (e.state === undefined && e.loading === undefined);
    });
    if (missing.length === 0) return;
    const epoch = ++this.epochs;
    const all = this.load(missing);
    all.catch(() => undefined); // each get() sees the failure
    for (const tp of missing) {
      const key = topicPartitionKey(tp);
      const entry: Entry<S> = { epoch };
      entry.loading = all.then((states) => {
        const state = states.get(key);
        if (state === undefined) throw new Error(`no state loaded for ${tp.topic}[${tp.partition}]`);
        if (this.entries.get(key) === entry) {
          entry.state = state;
          entry.loading = undefined;
        }
        return state;
      });
      entry.loading.catch(() => {
        if (this.entries.get(key) === entry) this.entries.delete(key);
      });
      this.entries.set(key, entry);
    }
  }

  /** The partition's state, loading it first if needed. Loads superseded by invalidate/release are retried. */
  async get(tp: TopicPartition): Promise<S> {
    for (;;) {
      const key = topicPartitionKey(tp);
      let entry = this.entries.get(key);
      if (entry?.state !== undefined) return entry.state;
      if (entry === undefined) {
        this.prefetch([tp]);
        entry = this.entries.get(key)!;
      }
      const state = await entry.loading!;
      if (this.entries.get(key) === entry) return state;
    }
  }

  /** The state if it is loaded, without waiting. */
  peek(tp: TopicPartition): S | undefined {
    return this.entries.get(topicPartitionKey(tp))?.state;
  }

  /** Forgets the partition's state; the next {@link get} reloads it. */
  invalidate(tp: TopicPartition): void {
    this.entries.delete(topicPartitionKey(tp));
  }

  /** Forgets revoked partitions; returns the states that were loaded. */
  release(partitions: TopicPartition[]): S[] {
    const released: S[] = [];
    for (const tp of partitions) {
      const key = topicPartitionKey(tp);
      const state = this.entries.get(key)?.state;
      if (state !== undefined) released.push(state);
      this.entries.delete(key);
    }
    return released;
  }

  /** Loaded states with their partitions. */
  loaded(): Array<[TopicPartition, S]> {
    return [...this.entries]
      .filter(([, e]) => e.state !== undefined)
      .map(([key, e]) => [parseTopicPartitionKey(key), e.state as S]);
  }
}
