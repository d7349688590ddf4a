import { isEoskitError } from '@eoskit/core';
import type { ConsumedRecord, TopicPartition } from '@eoskit/core';
import type { HandlerContext, ReaderHandlers } from '../reader-types.js';
import { retryWithBackoff } from './retry-policy.js';
import type { RetryOptions } from './retry-policy.js';

/** A handler threw; `index` is the failing record's position (`-1`: the whole batch). */
export class HandlerFailure extends Error {
  constructor(
    readonly index: number,
    override readonly cause: unknown,
  ) {
    super(cause instanceof Error ? cause.message : String(cause));
  }
}

/** How {@link deliver} retries and what it does after. */
export interface DeliveryPolicy {
  retry: RetryOptions;
  /** Sends records that kept failing somewhere else; absent: the failure is rethrown. */
  deadLetter?: (records: ConsumedRecord[], error: unknown) => Promise<void>;
  /** Cuts retries short (the reader is stopping). */
  abandoned(): boolean;
  onRetry?(error: unknown): void;
}

/**
 * Hands `records` to the handler inside `transact`, which wraps the work in
 * the commit unit (a sink transaction, or nothing). `atomic`: a failed
 * attempt undid all effects, so a retry replays the whole batch; otherwise a
 * retry resumes at the failing event. After the retries, records that kept
 * failing go to the dead letter (the failing event, or the whole batch for
 * `eachBatch`) and delivery resumes without them. Returns the dead-lettered records.
 */
export async function deliver<Tx>(
  tp: TopicPartition,
  records: ConsumedRecord[],
  handlers: ReaderHandlers<Tx>,
  transact: (work: (tx: Tx) => Promise<void>) => Promise<void>,
  atomic: boolean,
  policy: DeliveryPolicy,
): Promise<ConsumedRecord[]> {
  const skipped = new Set<number>();
  let resumeAt = 0;
  const attempt = (): Promise<void> =>
    transact(async (tx) => {
      const context: HandlerContext<Tx> = { topic: tp.topic, partition: tp.partition, tx };
      if ('eachBatch' in handlers) {
        const list = skipped.size === 0 ? records : records.filter((_, i) => !skipped.has(i));
        if (list.length === 0) return;
        try {
          await handlers.eachBatch(list, context);
        } catch (err) {
          throw new HandlerFailure(-1, err);
        }
        return;
      }
      for (let i = atomic ? 0 : resumeAt; i < records.length; i++) {
        if (skipped.has(i)) continue;
        try {
          await handlers.eachEvent(records[i]!, context);
        } catch (err) {
          throw new HandlerFailure(i, err);
        }
        if (!atomic) resumeAt = i + 1;
      }
    });
  const retriable = (err: unknown): boolean =>
    !policy.abandoned() &&
    (err instanceof HandlerFailure || (isEoskitError(err) && err.retriable && err.code !== 'SINK_CONFLICT'));

  for (;;) {
    try {
      await retryWithBackoff(attempt, { ...policy.retry, shouldRetry: retriable, onRetry: (err) => policy.onRetry?.(err) });
      return records.filter((_, i) => skipped.has(i));
    } catch (err) {
      if (!(err instanceof HandlerFailure)) throw err;
      if (policy.deadLetter === undefined || policy.abandoned()) throw err.cause;
      const failed = err.index === -1 ? records.map((_, i) => i).filter((i) => !skipped.has(i)) : [err.index];
      await policy.deadLetter(
        failed.map((i) => records[i]!),
        err.cause,
      );
      for (const i of failed) skipped.add(i);
      if (!atomic && err.index >= 0) resumeAt = err.index + 1;
    }
  }
}
