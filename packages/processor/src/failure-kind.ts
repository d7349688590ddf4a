import { isEoskitError } from '@eoskit/core';

/** Errors no retry can fix: the processor stops with them. */
export function isFatal(err: unknown): boolean {
  return (
    isEoskitError(err, 'AUTHORIZATION') ||
    isEoskitError(err, 'CONFIG_INVALID') ||
    isEoskitError(err, 'RECORD_TOO_LARGE') ||
    isEoskitError(err, 'STATE_INVALID')
  );
}

/**
 * Errors saying another producer or group member took over: the producer
 * is recreated only after a pause, so that a zombie learns from the group
 * that it lost its partitions instead of fencing their new owner back.
 */
export function isFencing(err: unknown): boolean {
  return isEoskitError(err, 'PRODUCER_FENCED') || isEoskitError(err, 'REBALANCE');
}

export function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
