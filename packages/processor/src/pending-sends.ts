/**
 * Sends of the open checkpoint, run one after another in call order (the
 * adapters keep per-partition order only for sends that do not overlap) but
 * without making the caller wait: processing goes on while they run.
 * Failures are remembered, not thrown, until the checkpoint ends.
 */
export class PendingSends {
  private tail: Promise<void> = Promise.resolve();
  private failure: unknown;
  private hasFailed = false;

  /** Queues `send` after the previous ones; it does not run once one failed. */
  add(send: () => Promise<unknown>): void {
    this.tail = this.tail.then(async () => {
      if (this.hasFailed) return;
      try {
        await send();
      } catch (err) {
        this.hasFailed = true;
        this.failure ??= err;
      }
    });
  }

  /** Waits for every queued send; throws the first failure. */
  async settle(): Promise<void> {
    await this.tail;
    if (this.hasFailed) throw this.failure;
  }

  /** Waits for every queued send, ignoring failures. */
  async drain(): Promise<void> {
    await this.tail;
  }

  get failed(): boolean {
    return this.hasFailed;
  }

  /** Forgets failures (a new producer starts clean). */
  clear(): void {
    this.tail = Promise.resolve();
    this.failure = undefined;
    this.hasFailed = false;
  }
}
