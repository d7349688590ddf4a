import type { ConsumedRecord } from '@eoskit/core';

/** How the reader recognises a repeated event. */
export type DedupMode = 'sequence' | 'key' | 'off';

/**
 * What a deduplicator decided about one record.
 * - `new`: first time seen; deliver.
 * - `duplicate`: a repeat; drop.
 * - `unstamped`: carries nothing to dedup by (no eoskit headers, no key); deliver.
 * - `invalid`: carries eoskit headers that do not follow the format; deliver
 *   (it cannot be deduplicated) and count it.
 */
export type DedupVerdict = 'new' | 'duplicate' | 'unstamped' | 'invalid';

/**
 * Dedup state of one partition. Its state is a pure function of the
 * records checked so far, in offset order: replaying the same records into a
 * fresh instance yields the same state. Restores rely on that.
 */
export interface Deduplicator {
  /** Decides about `record` and records it in the state. */
  check(record: ConsumedRecord): DedupVerdict;
  /** The state as text, or `null` when this mode is rebuilt by replay only. */
  snapshot(): string | null;
}

/** Builds the per-partition deduplicators of one mode and says how they are rebuilt. */
export interface DedupStrategy {
  readonly mode: DedupMode;
  /** An empty state (before the first record of a partition). */
  create(): Deduplicator;
  /** The state saved by {@link Deduplicator.snapshot}, or `null` when the text is not a valid snapshot. */
  fromSnapshot(text: string): Deduplicator | null;
  /**
   * How a partition's state is rebuilt for a start offset:
   * - `none`: nothing to rebuild (`off`);
   * - `snapshot`: load the newest snapshot at or before the start offset, then replay the records after it;
   * - `tail`: replay the last `records` visible records before the start offset (the state depends on nothing older).
   */
  readonly rebuild: { kind: 'none' } | { kind: 'snapshot' } | { kind: 'tail'; records: number };
}
