import { EoskitError, withDeadline } from '@eoskit/core';
import type { EosAdmin, KafkaClient } from '@eoskit/core';

/**
 * The admin client used while running (committed offsets, log ends). After
 * a broker restart, an admin client can keep answering every call with a
 * timeout for minutes (seen with librdkafka's). So a call that fails or
 * overruns its deadline drops the client, and the next call starts a fresh
 * one. A call left behind finishes in the background, harmlessly. After
 * `close()` no call opens a client again: one opened by a restore still
 * running during stop would never be closed and keep the process alive.
 */
export class AdminHandle {
  private current: Promise<EosAdmin> | undefined;
  private closed = false;

  constructor(private readonly client: KafkaClient) {}

  async call<T>(what: string, timeoutMs: number, run: (admin: EosAdmin) => Promise<T>): Promise<T> {
    if (this.closed) throw new EoskitError('CLOSED', `${what}: the processor's admin client is closed`);
    const pending = this.open();
    try {
      return await withDeadline(pending.then(run), timeoutMs, what);
    } catch (err) {
      this.drop(pending);
      throw err;
    }
  }

  async close(): Promise<void> {
    this.closed = true;
    const pending = this.current;
    this.current = undefined;
    await pending?.then((a) => a.disconnect()).catch(() => undefined);
  }

  private open(): Promise<EosAdmin> {
    this.current ??= (async () => {
      const admin = this.client.admin();
      await admin.connect();
      return admin;
    })();
    return this.current;
  }

  private drop(pending: Promise<EosAdmin>): void {
    if (this.current !== pending) return;
    this.current = undefined;
    void pending.then((a) => a.disconnect()).catch(() => undefined);
  }
}
