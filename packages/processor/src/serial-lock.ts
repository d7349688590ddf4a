/**
 * Runs async sections one at a time, in call order. The processor's batches,
 * timer checkpoints, rebalance callbacks and stop share one, because a
 * producer has at most one open transaction and tasks must not change under
 * a checkpoint.
 */
export class SerialLock {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(section: () => Promise<T>): Promise<T> {
    const result = this.tail.then(section);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
