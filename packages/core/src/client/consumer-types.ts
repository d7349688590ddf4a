/** Consumer side of the client interface (see `types.ts` for the conventions). */
import type { ConsumedBatch, TopicPartition, TopicPartitionOffset } from './types.js';

/** Consumer settings. Auto-commit is always off. */
export interface ConsumerOptions {
  /** Consumer group id: every member of one application uses the same. */
  groupId: string;
  /** Defaults to `read_committed`. */
  isolationLevel?: 'read_committed' | 'read_uncommitted';
  /** Where to start when the group has no committed offset. Defaults to `true` (earliest). */
  fromBeginning?: boolean;
  /** `session.timeout.ms`: how long the group waits for a silent member before reassigning its partitions. */
  sessionTimeoutMs?: number;
  /** `heartbeat.interval.ms`. */
  heartbeatIntervalMs?: number;
  /** `max.poll.interval.ms` / kafkajs `rebalanceTimeout`. */
  maxPollIntervalMs?: number;
  /** Upper bound on records per delivered batch, default 500 (both adapters). */
  maxBatchSize?: number;
}

/**
 * Callbacks a consumer loop receives. Both adapters use the eager protocol:
 * every rebalance revokes all owned partitions (`onRevoked` with all of them)
 * and then assigns the new set (`onAssigned` with all of them); after it, every
 * partition resumes from the group's committed offset. No batch is delivered
 * while a callback runs, and callbacks never overlap a batch.
 */
export interface ConsumerHandlers {
  /**
   * Handles one partition batch. Returning means every record was handled,
   * unless the handler seeked that partition meanwhile (then the seek wins).
   * Throwing stops the loop: every partition is paused, nothing more is
   * delivered and the error reaches `onError`; then disconnect.
   */
  eachBatch(batch: ConsumedBatch): Promise<void>;
  /**
   * Called with the partitions assigned to this member, before any of their
   * batches. With `kafkajs` the starting offsets come from an OffsetFetch
   * without require_stable (no KIP-447): while another member's transaction
   * is still completing, a partition may start before that transaction's
   * offsets. A transactional processor on kafkajs therefore connects the
   * producer owning each partition's transactional id here (which completes
   * any pending transaction), then reads `committedOffsets` and seeks.
   * `confluent` reads stable offsets itself.
   */
  onAssigned?(partitions: TopicPartition[]): Promise<void> | void;
  /**
   * Called with the partitions taken away. With `confluent` it runs before
   * the rebalance completes, so open work may still be committed. With
   * `kafkajs` (which has no revocation hook) it runs after the group already
   * rebalanced, just before `onAssigned`: the partitions may belong to someone
   * else by then, so open work for them must be aborted, not committed.
   * Not called on `disconnect()`: finish or abort work before disconnecting.
   */
  onRevoked?(partitions: TopicPartition[]): Promise<void> | void;
  /** Receives the error that stopped the loop (a handler's or the client's). */
  onError?(error: Error): void;
}

/** A group consumer. Call `connect`, `subscribe`, then `run`. */
export interface EosConsumer {
  /** The consumer group this member belongs to. */
  readonly groupId: string;
  /** Connects to the cluster. */
  connect(): Promise<void>;
  /** Subscribes to `topics` (call before `run`). */
  subscribe(topics: string[]): Promise<void>;
  /**
   * Starts the loop and resolves at once, before any callback runs;
   * assignments arrive through `onAssigned`, failures through `onError`.
   */
  run(handlers: ConsumerHandlers): Promise<void>;
  /** Commits offsets (next offsets to read) outside any transaction. */
  commit(offsets: TopicPartitionOffset[]): Promise<void>;
  /**
   * Moves the fetch position of an assigned partition (ignored for others).
   * Called inside `eachBatch`, the rest of the current batch is not delivered
   * again unless the position says so; e.g. after an abort, seek back to the
   * batch's first offset to get it again. Called inside `onAssigned`, it sets
   * where the partition starts (positions kept outside Kafka).
   */
  seek(position: TopicPartitionOffset): void;
  /** Stops fetching the partitions until `resume` or until they are revoked. */
  pause(partitions: TopicPartition[]): void;
  /** Fetches paused partitions again. */
  resume(partitions: TopicPartition[]): void;
  /** Partitions currently assigned to this member. */
  assignment(): TopicPartition[];
  /** Leaves the group and closes the consumer; finish or abort open work first. */
  disconnect(): Promise<void>;
}
