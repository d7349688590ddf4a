/**
 * Partition counts per topic, cached for the partitioner. Entries expire after
 * a minute (partitions can be added) and are dropped when a send hits an
 * unknown partition, so keys follow a grown topic the way Java's do after its
 * metadata refresh.
 */
import { EoskitError } from '../errors.js';

/** Fetches a topic's current partition count from the cluster. */
export type FetchPartitionCount = (topic: string) => Promise<number>;

export class PartitionCounts {
  private readonly entries = new Map<string, { count: Promise<number>; expires: number }>();

  constructor(
    private readonly fetch: FetchPartitionCount,
    private readonly ttlMs = 60_000,
    private readonly now: () => number = Date.now,
    /** How long a topic may stay unknown (new topics reach every broker's metadata with a delay). */
    private readonly patienceMs = 3000,
  ) {}

  private async fetchPatiently(topic: string): Promise<number> {
    const deadline = this.now() + this.patienceMs;
    for (;;) {
      try {
        return await this.fetch(topic);
      } catch (err) {
        if (!(err instanceof EoskitError) || !err.retriable || this.now() >= deadline) throw err;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }
  }

  /** The topic's partition count (cached). */
  async count(topic: string): Promise<number> {
    const cached = this.entries.get(topic);
    if (cached && cached.expires > this.now()) return cached.count;
    const count = this.fetchPatiently(topic).then((value) => {
      if (!Number.isSafeInteger(value) || value < 1) {
        throw new EoskitError('KAFKA', `topic "${topic}" has no partitions (does it exist?)`, { retriable: true });
      }
      return value;
    });
    this.entries.set(topic, { count, expires: this.now() + this.ttlMs });
    // A failed lookup must not stick.
    count.catch(() => this.entries.delete(topic));
    return count;
  }

  /** Forgets a topic so the next lookup asks the cluster again. */
  invalidate(topic: string): void {
    this.entries.delete(topic);
  }
}
