import { clientChoiceProblem, EoskitError } from '@eoskit/core';
import type { ReaderOptions } from './reader-types.js';

const DEDUP_MODES = ['sequence', 'key', 'off'];

/**
 * Refuses options that cannot work, naming the option. The consumer settings
 * that matter for exactly-once (isolation, auto-commit) are not options at
 * all: the reader forces them.
 */
export function validateReaderOptions<Tx>(o: ReaderOptions<Tx>): void {
  const bad = (key: string, why: string): never => {
    throw new EoskitError('CONFIG_INVALID', `reader option ${key} ${why}`);
  };
  const clientProblem = clientChoiceProblem(o);
  if (clientProblem !== undefined) throw new EoskitError('CONFIG_INVALID', `reader option ${clientProblem}`);
  if (typeof o.groupId !== 'string' || o.groupId === '') bad('groupId', 'must be a non-empty string');
  if (!Array.isArray(o.topics) || o.topics.length === 0 || o.topics.some((t) => typeof t !== 'string' || t === '')) {
    bad('topics', 'must list at least one topic name');
  }
  if (o.dedup !== undefined && !DEDUP_MODES.includes(o.dedup)) bad('dedup', `must be one of ${DEDUP_MODES.join(', ')}, got "${String(o.dedup)}"`);
  if (o.onFailure !== undefined && o.onFailure !== 'stop') {
    const topic = typeof o.onFailure === 'object' ? o.onFailure.deadLetterTopic : undefined;
    if (typeof topic !== 'string' || topic === '') bad('onFailure', 'must be "stop" or { deadLetterTopic: "<topic>" }');
    if (o.topics.includes(topic as string)) bad('onFailure.deadLetterTopic', `must not be one of the topics read ("${topic}")`);
  }
  const positive = (key: string, v: number | undefined, min = 1): void => {
    if (v !== undefined && (!Number.isFinite(v) || v < min)) bad(key, `must be a number >= ${min}, got ${String(v)}`);
  };
  positive('sequence.maxWriters', o.sequence?.maxWriters);
  positive('sequence.snapshotIntervalMs', o.sequence?.snapshotIntervalMs, 0);
  positive('key.windowCount', o.key?.windowCount);
  positive('key.windowMs', o.key?.windowMs, 0);
  positive('retry.retries', o.retry?.retries, 0);
  positive('consumer.sessionTimeoutMs', o.consumer?.sessionTimeoutMs);
  positive('consumer.maxPollIntervalMs', o.consumer?.maxPollIntervalMs);
  positive('consumer.maxBatchSize', o.consumer?.maxBatchSize);
}
