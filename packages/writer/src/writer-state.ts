/**
 * Lifecycle of a writer.
 *
 * - `created`: built, not connected; only `connect()` and `close()` are allowed.
 * - `connecting`: recovering from Kafka how far earlier writes reached.
 * - `ready`: accepting and sending records.
 * - `recovering`: a send failed in a way a new producer can fix; new records
 *   are accepted and wait, nothing is sent until the log has been re-read.
 * - `failed`: a fatal error (fenced zombie, authorization, integrity, budget
 *   exhausted); every pending and later write fails with it. Only `close()`.
 * - `closing` / `closed`: `close()` was called.
 */
export const WriterState = {
  Created: 'created',
  Connecting: 'connecting',
  Ready: 'ready',
  Recovering: 'recovering',
  Failed: 'failed',
  Closing: 'closing',
  Closed: 'closed',
} as const;

/** One of the {@link WriterState} values. */
export type WriterState = (typeof WriterState)[keyof typeof WriterState];

const ALLOWED: Record<WriterState, readonly WriterState[]> = {
  created: ['connecting', 'closing'],
  connecting: ['ready', 'failed', 'closing'],
  ready: ['recovering', 'failed', 'closing'],
  recovering: ['ready', 'failed', 'closing'],
  failed: ['closing'],
  closing: ['closed'],
  closed: [],
};

/** Whether the lifecycle allows going from `from` to `to`. */
export function canTransition(from: WriterState, to: WriterState): boolean {
  return ALLOWED[from].includes(to);
}

/** Holds the current state and refuses transitions the lifecycle does not allow. */
export class WriterLifecycle {
  #state: WriterState = WriterState.Created;

  get state(): WriterState {
    return this.#state;
  }

  /**
   * Moves to `to`. Public methods check the state first and raise a typed
   * error for callers; reaching a forbidden move here is a bug in the writer.
   */
  to(to: WriterState): void {
    if (!canTransition(this.#state, to)) throw new Error(`writer bug: cannot go from ${this.#state} to ${to}`);
    this.#state = to;
  }

  /** True in the states where `write()` may accept records. */
  get accepting(): boolean {
    return this.#state === WriterState.Ready || this.#state === WriterState.Recovering;
  }
}
