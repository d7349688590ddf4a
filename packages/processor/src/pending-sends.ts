import type { OutgoingRecord } from '@eoskit/core';

/** Most bytes in one send call: far below a partition batch's 1 MB limit, big enough to amortise a round trip. */
const MAX_SEND_BYTES = 512 * 1024;
const MAX_SEND_RECORDS = 2000;

/**
 * The sends of the open checkpoint. Records queue up in call order and go
 * out in one send at a time (the adapters keep per-partition order only for
 * sends that do not overlap), merging whatever queued meanwhile into one
 * larger send, so processing goes on while records are on the wire. Failures
 * are remembered, not thrown, until the checkpoint ends.
 */
export class PendingSends {
  private queue: OutgoingRecord[] = [];
  private pumping: Promise<void> | undefined;
  private failure: unknown;
  private hasFailed = false;
  /** Resolved after each send call: wakes callers waiting for room. */
  private sent: { promise: Promise<void>; resolve: () => void } = signal();

  constructor(private readonly send: (records: OutgoingRecord[]) => Promise<unknown>) {}

  /** Queues records after those queued before; nothing more is sent once a send failed. */
  add(records: OutgoingRecord[]): void {
    if (records.length === 0 || this.hasFailed) return;
    for (const r of records) this.queue.push(r);
    this.pumping ??= this.pump().finally(() => (this.pumping = undefined));
  }

  private async pump(): Promise<void> {
    while (this.queue.length > 0 && !this.hasFailed) {
      let bytes = 0;
      let n = 0;
      while (n < this.queue.length && n < MAX_SEND_RECORDS) {
        const size = sizeOf(this.queue[n]!);
        if (n > 0 && bytes + size > MAX_SEND_BYTES) break;
        bytes += size;
        n += 1;
      }
      const chunk = this.queue.splice(0, n);
      try {
        await this.send(chunk);
      } catch (err) {
        this.hasFailed = true;
        this.failure = err;
        this.queue = [];
      }
      const wake = this.sent;
      this.sent = signal();
      wake.resolve();
    }
  }

  /** Waits while more than `limit` records are queued (backpressure: processing must not outrun the producer without bound). */
  async room(limit: number): Promise<void> {
    while (this.queue.length > limit && this.pumping !== undefined) await this.sent.promise;
  }

  /** Waits until everything queued is sent; throws the first failure. */
  async settle(): Promise<void> {
    while (this.pumping !== undefined) await this.pumping;
    if (this.hasFailed) throw this.failure;
  }

  /** Waits until nothing is on the wire, ignoring failures. */
  async drain(): Promise<void> {
    while (this.pumping !== undefined) await this.pumping;
  }

  /** Drops what is queued and not on the wire yet (the checkpoint is being aborted). */
  cancel(): void {
    this.queue = [];
  }

  /** Records queued and not yet sent. */
  get backlog(): number {
    return this.queue.length;
  }

  get failed(): boolean {
    return this.hasFailed;
  }

  /** Forgets everything (a new producer starts clean). */
  clear(): void {
    this.queue = [];
    this.failure = undefined;
    this.hasFailed = false;
  }
}

function sizeOf(r: OutgoingRecord): number {
  let size = 64 + (r.key?.length ?? 0) + (r.value?.length ?? 0);
  for (const [name, value] of Object.entries(r.headers ?? {})) size += name.length + value.length;
  return size;
}

function signal(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}
