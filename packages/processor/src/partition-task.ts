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
   * rewound position, a batch at or past this offset was fetched before the seek (see {@link isStale}).
   */
  private rewoundFrom: number | undefined;
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
    this.noteRewind(committed.offset);
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

  /** Records one more consumed input record (its offset is the next position - 1). */
  consumed(offset: number): void {
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
    if (this.stagedDedup !== null) this.committedDedup = this.stagedDedup;
    this.uncommitted = 0;
    this.knownCommitted = true;
    return records;
  }

  /** The open checkpoint aborted: back to the committed offset, state and watermarks. */
  rollback(): void {
    this.noteRewind(this.committedOffset);
    this.store.rollback();
    this.resetToCommitted();
  }

  /** What is committed, or null when that is not known (a commit with an unknown outcome). */
  committed(): CommittedPartition | null {
    if (!this.knownCommitted || this.committedOffset < 0) return null;
    return { offset: this.committedOffset, state: this.store.committedCopy(), dedup: this.committedDedup };
  }

  /**
   * True for a batch that starts at or past where the position was rewound from: the client fetched or
   * queued it before the seek and delivered it after. Taking it would skip everything between the rewound
   * position and the batch, and commit past records never processed. The first batch below that point
   * shows the seek took effect. Only the first record matters: a batch is one partition, in offset order.
   */
  isStale(firstOffset: number): boolean {
    // A reload may also move the position forward (a commit whose outcome was unknown had landed): nothing to guard.
    if (this.rewoundFrom === undefined || this.rewoundFrom <= this.position) {
      this.rewoundFrom = undefined;
      return false;
    }
    if (firstOffset >= this.rewoundFrom) return true;
    this.rewoundFrom = undefined;
    return false;
  }

  /**
   * The position goes back to `offset`. Records were consumed between it and the old position, so a fresh
   * read from `offset` delivers one of them, below the old position, before anything at or past it.
   */
  private noteRewind(offset: number): void {
    if (this.position > offset) this.rewoundFrom = Math.max(this.rewoundFrom ?? 0, this.position);
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
