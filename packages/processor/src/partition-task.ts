import { EoskitError } from '@eoskit/core';
import type { OutgoingRecord, TopicPartition, TopicPartitionOffset } from '@eoskit/core';
import type { DedupStrategy, Deduplicator } from '@eoskit/reader';
import { dedupRecord, stateRecord } from './changelog-codec.js';
import { KeyedStateStore } from './keyed-state-store.js';
import type { ProcessContext } from './processor-types.js';

/** What is durable about a partition at its committed offset (also kept across a revocation). */
export interface CommittedPartition {
  /** Next offset to read, as committed. */
  offset: number;
  state: Map<string, string>;
  /** Dedup watermarks (SequenceDedup snapshot), null when none were saved. */
  dedup: string | null;
}

/** Times in a row the same unexpected first record must come after a rollback before it is believed. */
const MAX_UNEXPECTED = 5;

/**
 * - `preparing`: assigned, its producer fenced and its state being restored; records are ignored.
 * - `active`: processing.
 * - `recovering`: its producer failed; waiting to be reloaded from Kafka; records are ignored.
 */
export type TaskStatus = 'preparing' | 'active' | 'recovering';

/**
 * One input partition owned by this process: where it stands (committed
 * offset, processed position), its keyed state and its dedup watermarks,
 * each as committed plus the open checkpoint's changes.
 */
export class PartitionTask {
  readonly tp: TopicPartition;
  status: TaskStatus = 'preparing';
  /** Next offset to read as of the last committed checkpoint. */
  committedOffset = -1;
  /** Next offset to process (committedOffset + records of the open checkpoint). */
  position = -1;
  /** Input records in the open checkpoint, duplicates included. */
  uncommitted = 0;
  /** False once a commit's outcome is unknown: the committed values must be read back from Kafka. */
  knownCommitted = true;
  /**
   * Set when the position went back (an abort or a reload) from here: until the consumer delivers from the
   * rewound position, a batch at or past this offset was fetched before the seek (see {@link staleBecause}).
   */
  private rewoundFrom: number | undefined;
  /** Next offset after the last record the consumer delivered, taken or not: roughly where it reads. */
  private deliveredTo = -1;
  /** Offset of the first record of the open checkpoint: after a rollback, the first record a fresh read must bring. */
  private firstInCheckpoint: number | undefined;
  /** Set by a rollback: the offset the first new record must have (see {@link staleBecause}). */
  private expectedFirst: number | undefined;
  /** A different first record seen after a rollback, and how often in a row (see {@link staleBecause}). */
  private unexpected = { offset: -1, times: 0 };
  readonly context: ProcessContext;
  private store = new KeyedStateStore();
  private dedup: Deduplicator | null = null;
  private committedDedup: string | null = null;
  private stagedDedup: string | null = null;

  constructor(
    tp: TopicPartition,
    private readonly strategy: DedupStrategy | null,
  ) {
    this.tp = { topic: tp.topic, partition: tp.partition };
    const task = this;
    this.context = {
      get state() {
        return task.store;
      },
      partition: this.tp,
    };
  }

  /** Starts processing at `committed.offset` with the committed state. */
  activate(committed: CommittedPartition): void {
    this.noteRewind(committed.offset, committed.offset === this.committedOffset);
    this.store = new KeyedStateStore(new Map(committed.state));
    this.committedOffset = committed.offset;
    this.committedDedup = committed.dedup;
    this.knownCommitted = true;
    this.resetToCommitted();
    this.status = 'active';
  }

  /** Whether the dedup watermarks say `record` was seen already (and records it otherwise). */
  isDuplicate(record: Parameters<Deduplicator['check']>[0]): boolean {
    return this.dedup !== null && this.dedup.check(record) === 'duplicate';
  }

  /** Notes a batch the consumer delivered, whether it is taken or not (a task not active drops it). */
  delivered(lastOffset: number): void {
    this.deliveredTo = Math.max(this.deliveredTo, lastOffset + 1);
  }

  /** Records one more consumed input record (its offset is the next position - 1). */
  consumed(offset: number): void {
    if (this.position === this.committedOffset) this.firstInCheckpoint = offset;
    this.position = offset + 1;
    this.uncommitted += 1;
  }

  /** True when the open checkpoint holds anything of this partition. */
  get hasWork(): boolean {
    return this.position > this.committedOffset || this.store.dirty;
  }

  /** The offset to commit: the next one to read. */
  offsetToCommit(): TopicPartitionOffset {
    return { ...this.tp, offset: this.position };
  }

  /** The changelog records of the open checkpoint: state changes and, when they moved, the dedup watermarks. */
  changelogRecords(changelog: string): OutgoingRecord[] {
    const records = this.store.changes().map(([key, value]) => stateRecord(changelog, this.tp, key, value));
    this.stagedDedup = this.dedup?.snapshot() ?? null;
    if (this.stagedDedup !== null && this.stagedDedup !== this.committedDedup) {
      records.push(dedupRecord(changelog, this.tp, this.stagedDedup));
    }
    return records;
  }

  /** The open checkpoint committed. Call after {@link changelogRecords}. */
  markCommitted(): number {
    const records = this.uncommitted;
    this.store.commit();
    this.committedOffset = this.position;
    this.firstInCheckpoint = undefined;
    if (this.stagedDedup !== null) this.committedDedup = this.stagedDedup;
    this.uncommitted = 0;
    this.knownCommitted = true;
    return records;
  }

  /** The open checkpoint aborted: back to the committed offset, state and watermarks. */
  rollback(): void {
    this.noteRewind(this.committedOffset, true);
    this.store.rollback();
    this.resetToCommitted();
  }

  /** What is committed, or null when that is not known (a commit with an unknown outcome). */
  committed(): CommittedPartition | null {
    if (!this.knownCommitted || this.committedOffset < 0) return null;
    return { offset: this.committedOffset, state: this.store.committedCopy(), dedup: this.committedDedup };
  }

  /**
   * Why a batch is stale, or undefined when it may be taken. Stale: the client fetched or queued it before
   * the last seek and delivered it after. Taking it would skip everything between the position and the
   * batch, and commit past records never processed.
   * - Past a rewind, a batch at or past where the consumer had read to is stale; the first one below shows
   *   the seek took effect. Only the first record matters: a batch is one partition, in offset order.
   * - Past a rollback, the first new record must be the one the aborted checkpoint began with: the log
   *   below it did not change. A batch whose first new record lies further is stale too, unless the same
   *   record comes first {@link MAX_UNEXPECTED} times in a row (only compaction removes a record).
   */
  staleBecause(firstOffset: number, firstNew: number | undefined): string | undefined {
    // A reload may also move the position forward (a commit whose outcome was unknown had landed): nothing to guard.
    if (this.rewoundFrom !== undefined && this.rewoundFrom <= this.position) this.rewoundFrom = undefined;
    if (this.rewoundFrom !== undefined) {
      if (firstOffset >= this.rewoundFrom) return `read before the seek back from ${this.rewoundFrom}`;
      this.rewoundFrom = undefined;
    }
    if (this.expectedFirst === undefined || firstNew === undefined || firstNew <= this.expectedFirst) {
      if (firstNew !== undefined) this.expectedFirst = undefined;
      return undefined;
    }
    this.unexpected = firstNew === this.unexpected.offset ? { offset: firstNew, times: this.unexpected.times + 1 } : { offset: firstNew, times: 1 };
    if (this.unexpected.times < MAX_UNEXPECTED) return `first new record ${firstNew}, expected ${this.expectedFirst}`;
    this.expectedFirst = undefined;
    return undefined;
  }

  /**
   * The position goes back to `offset`. Records were consumed or delivered between it and where the
   * consumer read to, so a fresh read from `offset` delivers one of them before anything at or past that.
   * `sameCheckpoint`: back to the start of the open checkpoint, whose first record is known.
   */
  private noteRewind(offset: number, sameCheckpoint: boolean): void {
    const readTo = Math.max(this.position, this.deliveredTo);
    if (readTo > offset) this.rewoundFrom = Math.max(this.rewoundFrom ?? 0, readTo);
    this.expectedFirst = sameCheckpoint && this.firstInCheckpoint !== undefined && this.position > offset ? this.firstInCheckpoint : undefined;
    this.unexpected = { offset: -1, times: 0 };
    this.firstInCheckpoint = undefined;
  }

  private resetToCommitted(): void {
    this.position = this.committedOffset;
    this.uncommitted = 0;
    this.stagedDedup = null;
    if (this.strategy === null) {
      this.dedup = null;
      return;
    }
    const restored = this.committedDedup === null ? this.strategy.create() : this.strategy.fromSnapshot(this.committedDedup);
    if (restored === null) {
      throw new EoskitError('STATE_INVALID', `dedup watermarks of ${this.tp.topic}[${this.tp.partition}] in the changelog cannot be read`);
    }
    this.dedup = restored;
  }
}
