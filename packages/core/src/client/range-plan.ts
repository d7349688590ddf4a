/**
 * Progress of a `readRanges` call: which ranges are done and the next offset
 * each still needs. A range is done once the reader's position passes `to`,
 * which also covers ranges ending in aborted records or transaction markers
 * that are never delivered under read_committed.
 */
import { EoskitError } from '../errors.js';
import { partitionKey } from './record-positions.js';
import type { ConsumedRecord, PartitionRange, TopicPartition } from './types.js';

interface Progress extends PartitionRange {
  next: number;
}

export class RangePlan {
  private readonly ranges = new Map<string, Progress>();
  private open = 0;

  constructor(ranges: readonly PartitionRange[]) {
    ranges.forEach((range, index) => {
      const where = `range ${index} (${String(range?.topic)}[${String(range?.partition)}])`;
      if (typeof range?.topic !== 'string' || range.topic === '') {
        throw new EoskitError('CONFIG_INVALID', `range ${index}: topic must be a non-empty string`);
      }
      for (const key of ['partition', 'from', 'to'] as const) {
        if (!Number.isSafeInteger(range[key]) || range[key] < 0) {
          throw new EoskitError('CONFIG_INVALID', `${where}: ${key} must be a non-negative integer`);
        }
      }
      const key = partitionKey(range);
      if (this.ranges.has(key)) throw new EoskitError('CONFIG_INVALID', `${where}: partition listed twice`);
      this.ranges.set(key, { topic: range.topic, partition: range.partition, from: range.from, to: range.to, next: range.from });
      if (range.from < range.to) this.open++;
    });
  }

  get done(): boolean {
    return this.open === 0;
  }

  /** Topics with unfinished ranges. */
  get topics(): string[] {
    return [...new Set(this.unfinished().map((r) => r.topic))];
  }

  /** Ranges not yet read to their end, with the next offset each needs. */
  unfinished(): Array<PartitionRange & { next: number }> {
    return [...this.ranges.values()].filter((r) => r.next < r.to).map((r) => ({ ...r }));
  }

  /** The next offset needed from `tp`, or undefined when it has no unfinished range. */
  nextOffset(tp: TopicPartition): number | undefined {
    const range = this.ranges.get(partitionKey(tp));
    return range && range.next < range.to ? range.next : undefined;
  }

  /** True when `record` lies in its partition's range and was not handed out yet. */
  wants(record: ConsumedRecord): boolean {
    const range = this.ranges.get(partitionKey(record));
    return range !== undefined && record.offset >= range.next && record.offset < range.to;
  }

  /** Moves a partition's position forward (never back); true when this finished its range. */
  advance(tp: TopicPartition, position: number): boolean {
    const range = this.ranges.get(partitionKey(tp));
    if (!range || range.next >= range.to || position <= range.next) return false;
    range.next = position;
    if (range.next < range.to) return false;
    this.open--;
    return true;
  }

  /** A description of what is missing, for timeout messages. */
  describeMissing(): string {
    return this.unfinished()
      .map((r) => `${r.topic}[${r.partition}] at ${r.next} of ${r.from}..${r.to}`)
      .join(', ');
  }
}
