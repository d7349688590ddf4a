import { EoskitError } from '@eoskit/core';
import type { KeyedState, StateValue } from './processor-types.js';

/**
 * The keyed state of one input partition: the committed values plus the
 * changes of the open checkpoint on top. Values are kept as JSON text, so
 * a rollback is exact and callers cannot change stored values by mutating
 * objects they passed to `put` or got from `get`.
 */
export class KeyedStateStore implements KeyedState {
  private readonly committed: Map<string, string>;
  /** Changes of the open checkpoint: JSON text, or null for a delete. */
  private readonly pending = new Map<string, string | null>();

  constructor(committed: Map<string, string> = new Map()) {
    this.committed = committed;
  }

  get<V extends StateValue = StateValue>(key: string): V | undefined {
    const text = this.pending.has(key) ? this.pending.get(key) : this.committed.get(key);
    return text === null || text === undefined ? undefined : (JSON.parse(text) as V);
  }

  put(key: string, value: StateValue): void {
    checkKey(key);
    let text: string | undefined;
    try {
      text = JSON.stringify(value);
    } catch (err) {
      throw new EoskitError('CONFIG_INVALID', `state value for key "${key}" cannot be stored as JSON: ${(err as Error).message}`);
    }
    if (text === undefined) throw new EoskitError('CONFIG_INVALID', `state value for key "${key}" is not JSON (use delete() to remove a key)`);
    this.pending.set(key, text);
  }

  delete(key: string): void {
    checkKey(key);
    this.pending.set(key, null);
  }

  /** Changes of the open checkpoint (null: deleted). */
  changes(): Array<[string, string | null]> {
    return [...this.pending];
  }

  get dirty(): boolean {
    return this.pending.size > 0;
  }

  /** The open checkpoint committed: its changes become the committed state. */
  commit(): void {
    for (const [key, text] of this.pending) {
      if (text === null) this.committed.delete(key);
      else this.committed.set(key, text);
    }
    this.pending.clear();
  }

  /** The open checkpoint aborted: forget its changes. */
  rollback(): void {
    this.pending.clear();
  }

  /** Committed keys (for tests and metrics). */
  get size(): number {
    return this.committed.size;
  }

  /** A copy of the committed state (kept across a revocation, see the task cache). */
  committedCopy(): Map<string, string> {
    return new Map(this.committed);
  }
}

function checkKey(key: string): void {
  if (typeof key !== 'string') throw new EoskitError('CONFIG_INVALID', `state keys are strings, got ${typeof key}`);
}
