import { withDeadline } from '@eoskit/core';
import type { EosAdmin, KafkaClient } from '@eoskit/core';

/**
 * The admin client used while running (committed offsets, log ends). After
 * a broker restart, an admin client can keep answering every call with a
 * timeout for minutes (seen with librdkafka's). So a call that fails or
 * overruns its deadline drops the client, and the next call starts a fresh
 * one. A call left behind finishes in the background, harmlessly.
 */
export class AdminHandle {
  private current: Promise<EosAdmin> | undefined;

  constructor(private readonly client: KafkaClient) {}

  async call<T>(what: string, timeoutMs: number, run: (admin: EosAdmin) => Promise<T>): Promise<T> {
    const pending = this.open();
    try {
      return await withDeadline(pending.then(run), timeoutMs, what);
    } catch (err) {
      this.drop(pending);
      throw err;
    }
  }

  async close(): Promise<void> {
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
