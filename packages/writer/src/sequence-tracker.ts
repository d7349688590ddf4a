import { EoskitError, MAX_SEQUENCE, type RecordPosition } from '@eoskit/core';
import type { CheckpointPartition } from './checkpoint-codec.js';
import {
  checkpointPartitions,
  partitionKey,
  type DurableRecord,
  type PartitionState,
  type RecoveredState,
} from './durable-log-state.js';
import type { PendingEntry } from './pending-entry.js';
import type { LastSequence } from './writer-types.js';

/**
 * The writer's bookkeeping, free of I/O: accepted records in sequence order,
 * what is durable, how far the contiguous durable prefix reaches, and the
 * checkpoint describing it. Also checks the invariant readers rely on: in
 * each partition this writer's sequences become durable in increasing order.
 */
export class SequenceTracker {
  readonly #partitions = new Map<string, PartitionState>();
  readonly #byTopic = new Map<string, PartitionState[]>();
  #base: number;
  #lastAccepted: number;
  /** Durable records above the contiguous prefix not yet re-offered (or re-offered and kept for checkpoints). */
  #recovered = new Map<number, DurableRecord>();
  /** Accepted records not yet pruned, in sequence order; `#head` is the first live one. */
  #entries: PendingEntry[] = [];
  #head = 0;
  /** Index of the first entry that may still be `queued`. */
  #cursor = 0;
  #pendingRecords = 0;
  #pendingBytes = 0;

  constructor(state: RecoveredState) {
    this.#base = state.base;
    this.#lastAccepted = state.base;
    for (const p of state.partitions) this.#partitions.set(partitionKey(p.topic, p.partition), { ...p });
    for (const r of state.recovered) this.#recovered.set(r.sequence, r);
  }

  /** Records accepted and not yet durable. */
  get pendingRecords(): number {
    return this.#pendingRecords;
  }

  /** Bytes of records accepted and not yet durable. */
  get pendingBytes(): number {
    return this.#pendingBytes;
  }

  /** The oldest record not yet durable. */
  get oldestPending(): PendingEntry | undefined {
    return this.#entries[this.#head];
  }

  /**
   * The sequence for the next record: `requested` when it is above every
   * accepted one, else `SEQUENCE_ORDER`; the previous + 1 when absent.
   */
  nextSequence(requested: number | undefined): number {
    if (requested === undefined) {
      if (this.#lastAccepted >= MAX_SEQUENCE) throw new EoskitError('SEQUENCE_ORDER', 'sequence space exhausted');
      return this.#lastAccepted + 1;
    }
    if (!Number.isSafeInteger(requested) || requested < 0) {
      throw new EoskitError('SEQUENCE_ORDER', `sequence must be an integer from 0 to ${MAX_SEQUENCE}, got ${requested}`);
    }
    if (requested <= this.#lastAccepted) {
      const hint =
        requested <= this.#base
          ? `; sequences up to ${this.#base} are already durable, resume the source at ${this.#base + 1}`
          : '';
      throw new EoskitError(
        'SEQUENCE_ORDER',
        `sequence ${requested} is not above the previous sequence ${this.#lastAccepted}${hint}`,
      );
    }
    return requested;
  }

  /** Where `seq` already is when an earlier run made it durable; the writer then does not send it again. */
  alreadyDurable(seq: number, topic: string): DurableRecord | undefined {
    const found = this.#recovered.get(seq);
    if (found !== undefined && found.topic !== topic) {
      throw new EoskitError(
        'SEQUENCE_ORDER',
        `sequence ${seq} was already written to topic ${found.topic}, not ${topic}: a sequence names one event`,
      );
    }
    return found;
  }

  /** Records that `seq`, found durable from an earlier run, was re-offered. */
  acceptDurable(seq: number): void {
    this.#lastAccepted = seq;
  }

  /** Adds a record to send. */
  accept(entry: PendingEntry): void {
    this.#lastAccepted = entry.seq;
    this.#entries.push(entry);
    this.#pendingRecords += 1;
    this.#pendingBytes += entry.bytes;
  }

  /** Up to `maxRecords` / `maxBytes` queued records in sequence order, marked `sending`. */
  takeBatch(maxRecords: number, maxBytes: number): PendingEntry[] {
    const batch: PendingEntry[] = [];
    let bytes = 0;
    let i = Math.max(this.#cursor, this.#head);
    for (; i < this.#entries.length && batch.length < maxRecords; i++) {
      const entry = this.#entries[i] as PendingEntry;
      if (entry.status !== 'queued') continue;
      if (batch.length > 0 && bytes + entry.bytes > maxBytes) break;
      entry.status = 'sending';
      bytes += entry.bytes;
      batch.push(entry);
    }
    this.#cursor = i;
    return batch;
  }

  /** True when some record waits to be sent. */
  get hasQueued(): boolean {
    for (let i = Math.max(this.#cursor, this.#head); i < this.#entries.length; i++) {
      if ((this.#entries[i] as PendingEntry).status === 'queued') return true;
    }
    return false;
  }

  /** Marks a record acknowledged inside the open transaction (durable once it commits). */
  markAcked(entry: PendingEntry, position: RecordPosition): void {
    entry.position = position;
    entry.status = 'acked';
  }

  /**
   * Marks a record durable at `position`. Returns an integrity error when a
   * higher sequence of this writer is already durable in that partition:
   * readers deduplicating by sequence would drop this record.
   */
  markDone(entry: PendingEntry, position: RecordPosition): EoskitError | undefined {
    entry.position = position;
    entry.status = 'done';
    this.#pendingRecords -= 1;
    this.#pendingBytes -= entry.bytes;
    const state = this.#partition(position.topic, position.partition);
    state.next = Math.max(state.next, position.offset + 1);
    // Either way round the partition holds a higher sequence before a lower one.
    if (entry.seq < state.lastSeq || (state.lastOffset >= 0 && position.offset < state.lastOffset)) {
      return new EoskitError(
        'SEQUENCE_ORDER',
        `sequence ${entry.seq} at offset ${position.offset} and sequence ${state.lastSeq} at offset ${state.lastOffset} ` +
          `of ${position.topic}[${position.partition}] are out of order; readers that deduplicate by sequence would drop the lower one`,
      );
    }
    state.lastSeq = entry.seq;
    state.lastOffset = position.offset;
    return undefined;
  }

  /** Drops durable records at the front and recovered records no longer above the contiguous prefix. */
  prune(): void {
    while (this.#head < this.#entries.length && (this.#entries[this.#head] as PendingEntry).status === 'done') {
      this.#head += 1;
    }
    if (this.#head > 1024 && this.#head * 2 > this.#entries.length) {
      this.#entries = this.#entries.slice(this.#head);
      this.#cursor = Math.max(0, this.#cursor - this.#head);
      this.#head = 0;
    }
    if (this.#recovered.size > 0) {
      const overall = this.overall();
      for (const seq of this.#recovered.keys()) if (seq <= overall) this.#recovered.delete(seq);
    }
  }

  /**
   * Every accepted record with a sequence <= this is durable. With
   * `assumeAcked`, records acknowledged in the open transaction count as
   * durable (the checkpoint written inside that transaction).
   */
  overall(assumeAcked = false): number {
    for (let i = this.#head; i < this.#entries.length; i++) {
      const entry = this.#entries[i] as PendingEntry;
      if (entry.status === 'done' || (assumeAcked && entry.status === 'acked')) continue;
      return entry.seq - 1;
    }
    return Math.max(this.#base, this.#lastAccepted);
  }

  /** The checkpoint content for the current state (see {@link overall} for `assumeAcked`). */
  snapshot(assumeAcked = false): { overall: number; partitions: CheckpointPartition[] } {
    const overall = this.overall(assumeAcked);
    const lowest = new Map<string, number>();
    const note = (topic: string, partition: number, offset: number) => {
      const key = partitionKey(topic, partition);
      lowest.set(key, Math.min(lowest.get(key) ?? offset, offset));
    };
    for (const r of this.#recovered.values()) if (r.sequence > overall) note(r.topic, r.partition, r.offset);
    const partitions = new Map(this.#partitions);
    for (let i = this.#head; i < this.#entries.length; i++) {
      const e = this.#entries[i] as PendingEntry;
      const counts = e.status === 'done' || (assumeAcked && e.status === 'acked');
      if (!counts || e.position === undefined) continue;
      const { topic, partition, offset } = e.position;
      if (e.seq > overall) note(topic, partition, offset);
      if (assumeAcked && e.status === 'acked') {
        const key = partitionKey(topic, partition);
        const p = partitions.get(key) ?? this.#partition(topic, partition);
        partitions.set(key, { ...p, lastSeq: e.seq, lastOffset: offset, next: Math.max(p.next, offset + 1) });
      }
    }
    return { overall, partitions: checkpointPartitions(partitions.values(), lowest) };
  }

  /** Records whose fate is unknown after a failure: everything handed to the producer and not durable. */
  markInDoubt(): number {
    let n = 0;
    for (let i = this.#head; i < this.#entries.length; i++) {
      const e = this.#entries[i] as PendingEntry;
      if (e.status === 'sending' || e.status === 'acked') e.status = 'unknown';
      if (e.status === 'unknown') n += 1;
    }
    return n;
  }

  /**
   * Applies what recovery found in the log (records of this writer above the
   * contiguous prefix, in any order): in-doubt records found there become
   * durable, the others are queued to be sent again before anything newer.
   * Found records not yet accepted are remembered for when the source
   * re-offers them.
   */
  absorb(found: DurableRecord[]): { durable: PendingEntry[]; resend: number; error?: EoskitError } {
    const bySeq = new Map<number, PendingEntry>();
    for (let i = this.#head; i < this.#entries.length; i++) {
      const e = this.#entries[i] as PendingEntry;
      if (e.status === 'unknown') bySeq.set(e.seq, e);
    }
    const durable: PendingEntry[] = [];
    let error: EoskitError | undefined;
    for (const r of [...found].sort((a, b) => a.sequence - b.sequence)) {
      const entry = bySeq.get(r.sequence);
      if (entry !== undefined) {
        bySeq.delete(r.sequence);
        error ??= this.markDone(entry, { topic: r.topic, partition: r.partition, offset: r.offset });
        durable.push(entry);
      } else if (r.sequence > this.#lastAccepted && !this.#recovered.has(r.sequence)) {
        this.#recovered.set(r.sequence, r);
        const state = this.#partition(r.topic, r.partition);
        if (r.sequence > state.lastSeq) Object.assign(state, { lastSeq: r.sequence, lastOffset: r.offset });
      }
    }
    for (const e of bySeq.values()) e.status = 'queued';
    this.#cursor = this.#head;
    return { durable, resend: bySeq.size, ...(error === undefined ? {} : { error }) };
  }

  /** Takes every live entry out (the writer failed or closed); the caller rejects them. */
  drain(): PendingEntry[] {
    const live = this.#entries.slice(this.#head).filter((e) => e.status !== 'done');
    this.#entries = [];
    this.#head = 0;
    this.#cursor = 0;
    this.#pendingRecords = 0;
    this.#pendingBytes = 0;
    return live;
  }

  /** Scan start per partition (see `CheckpointPartition.scanFrom`), for recovery in this process. */
  scanStarts(): CheckpointPartition[] {
    return this.snapshot().partitions;
  }

  /** The public view of {@link overall} and the partitions. */
  lastSequence(): LastSequence {
    const partitions = [...this.#partitions.values()]
      .filter((p) => p.lastSeq >= 0)
      .map((p) => ({ topic: p.topic, partition: p.partition, sequence: p.lastSeq, offset: p.lastOffset }))
      .sort((a, b) => (a.topic === b.topic ? a.partition - b.partition : a.topic < b.topic ? -1 : 1));
    return { overall: this.overall(), partitions };
  }

  // Hot path (every acknowledged record): an array per topic avoids building a string key.
  #partition(topic: string, partition: number): PartitionState {
    let perTopic = this.#byTopic.get(topic);
    const cached = perTopic?.[partition];
    if (cached !== undefined) return cached;
    const key = partitionKey(topic, partition);
    let state = this.#partitions.get(key);
    if (state === undefined) {
      state = { topic, partition, lastSeq: -1, lastOffset: -1, next: 0 };
      this.#partitions.set(key, state);
    }
    if (perTopic === undefined) {
      perTopic = [];
      this.#byTopic.set(topic, perTopic);
    }
    perTopic[partition] = state;
    return state;
  }
}
