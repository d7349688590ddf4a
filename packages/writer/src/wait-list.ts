/**
 * Callers waiting for a condition on the writer's state (room in the buffer,
 * nothing pending, nothing in flight). Conditions are re-checked on every
 * `notify()`; once the writer failed or closed, every wait rejects with why.
 */
export class WaitList {
  readonly #waiters = new Set<() => void>();
  #error: Error | undefined;

  /** Resolves once `condition()` holds; rejects once {@link close} was called. */
  until(condition: () => boolean): Promise<void> {
    if (this.#error !== undefined) return Promise.reject(this.#error);
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (this.#error !== undefined) {
          this.#waiters.delete(check);
          reject(this.#error);
        } else if (condition()) {
          this.#waiters.delete(check);
          resolve();
        }
      };
      this.#waiters.add(check);
    });
  }

  /** Re-checks every condition; with `error`, rejects them all from now on. */
  notify(error?: Error): void {
    if (error !== undefined) this.#error ??= error;
    for (const check of [...this.#waiters]) check();
  }
}
