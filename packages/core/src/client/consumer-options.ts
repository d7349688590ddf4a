/** Small helpers both consumer adapters share. */
import { EoskitError } from '../errors.js';
import type { ConsumerOptions, TopicPartition } from './types.js';

/** Records per delivered batch unless `maxBatchSize` says otherwise. */
export const DEFAULT_MAX_BATCH_SIZE = 500;

/** Groups partitions by topic, the shape both clients' pause/resume take. */
export function byTopic(partitions: readonly TopicPartition[]): Array<{ topic: string; partitions: number[] }> {
  const grouped = new Map<string, number[]>();
  for (const tp of partitions) {
    const list = grouped.get(tp.topic) ?? [];
    list.push(tp.partition);
    grouped.set(tp.topic, list);
  }
  return [...grouped].map(([topic, list]) => ({ topic, partitions: list }));
}

/** Consumer options with defaults applied. */
export interface ResolvedConsumerOptions extends ConsumerOptions {
  isolationLevel: 'read_committed' | 'read_uncommitted';
  fromBeginning: boolean;
  maxBatchSize: number;
}

/** Validates consumer options (`CONFIG_INVALID` naming the option) and applies defaults. */
export function resolveConsumerOptions(options: ConsumerOptions): ResolvedConsumerOptions {
  const invalid = (key: string, message: string): EoskitError =>
    new EoskitError('CONFIG_INVALID', `consumer option ${key}: ${message}`);
  if (typeof options?.groupId !== 'string' || options.groupId.trim() === '') {
    throw invalid('groupId', 'must be a non-empty string');
  }
  const isolationLevel = options.isolationLevel ?? 'read_committed';
  if (isolationLevel !== 'read_committed' && isolationLevel !== 'read_uncommitted') {
    throw invalid('isolationLevel', `must be read_committed or read_uncommitted, got "${String(isolationLevel)}"`);
  }
  for (const key of ['sessionTimeoutMs', 'heartbeatIntervalMs', 'maxPollIntervalMs', 'maxBatchSize'] as const) {
    const value = options[key];
    if (value !== undefined && (!Number.isSafeInteger(value) || value < 1)) {
      throw invalid(key, `must be a positive integer, got ${String(value)}`);
    }
  }
  return {
    ...options,
    isolationLevel,
    fromBeginning: options.fromBeginning ?? true,
    maxBatchSize: options.maxBatchSize ?? DEFAULT_MAX_BATCH_SIZE,
  };
}
