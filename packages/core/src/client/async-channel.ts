/**
 * A queue between a client's callback (producer side) and an async iterator
 * (reader side) with backpressure: `push` resolves once the reader took the
 * items, so a slow reader slows the client's fetching instead of buffering.
 */
export class AsyncChannel<T> {
  private items: T[] = [];
  private failure: Error | undefined;
  private closed = false;
  private wakeReader: (() => void) | undefined;
  private readonly drainedWaiters: Array<() => void> = [];

  /** Adds items; resolves when the reader has taken all of them (or the channel closed). */
  push(items: readonly T[]): Promise<void> {
    if (this.closed || items.length === 0) return Promise.resolve();
    this.items.push(...items);
    this.wake();
    return new Promise((resolve) => this.drainedWaiters.push(resolve));
  }

  /** Ends the stream after the queued items. */
  close(): void {
    this.closed = true;
    this.wake();
    this.releasePushers();
  }

  /** Ends the stream with an error (queued items are dropped). */
  fail(err: Error): void {
    this.failure ??= err;
    this.items = [];
    this.close();
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for (;;) {
      if (this.failure) throw this.failure;
      const item = this.items.shift();
      if (item !== undefined) {
        if (this.items.length === 0) this.releasePushers();
        yield item;
        continue;
      }
      if (this.closed) return;
      await new Promise<void>((resolve) => {
        this.wakeReader = resolve;
      });
    }
  }

  private wake(): void {
    const wake = this.wakeReader;
    this.wakeReader = undefined;
    wake?.();
  }

  private releasePushers(): void {
    for (const resolve of this.drainedWaiters.splice(0)) resolve();
  }
}
