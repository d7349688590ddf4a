import type { TopicPartition } from '@eoskit/core';
import { topicPartitionKey } from '../topic-partition-key.js';
import type { SavedSnapshot, SnapshotTopicStore } from './snapshot-topic-store.js';

/**
 * Saves dedup snapshots in the background, at most one write in flight:
 * snapshots queued meanwhile are coalesced (only the newest per partition is
 * written). A failed write is only logged: an older snapshot stays valid,
 * restores just replay more.
 */
export class SnapshotScheduler {
  private readonly pending = new Map<string, TopicPartition & SavedSnapshot>();
  private flushing: Promise<void> | undefined;

  constructor(
    private readonly store: SnapshotTopicStore,
    private readonly groupId: string,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Queues `snapshot` (reflecting every record before `snapshot.offset`) for `tp`. */
  schedule(tp: TopicPartition, snapshot: SavedSnapshot): void {
    this.pending.set(topicPartitionKey(tp), { topic: tp.topic, partition: tp.partition, ...snapshot });
    this.flushing ??= this.drain();
  }

  /** Resolves once everything queued so far is written (or failed). */
  async flush(): Promise<void> {
    while (this.flushing !== undefined) await this.flushing;
  }

  private async drain(): Promise<void> {
    try {
      while (this.pending.size > 0) {
        const batch = [...this.pending.values()];
        this.pending.clear();
        try {
          await this.store.save(this.groupId, batch);
        } catch (err) {
          this.onError(err);
        }
      }
    } finally {
      this.flushing = undefined;
    }
  }
}
