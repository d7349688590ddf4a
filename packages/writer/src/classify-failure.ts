import { isEoskitError, type ErrorCode } from '@eoskit/core';
import type { WriterMode } from './writer-types.js';

/** Errors a new producer plus a look at the log can get past. */
const RECOVERABLE: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'UNKNOWN_PRODUCER_ID',
  'OUT_OF_ORDER_SEQUENCE',
  'TIMEOUT',
  'TXN_ABORTED',
  'TXN_STATE',
  'CLOSED',
]);

/**
 * What the writer does about a failed send or commit.
 *
 * `recover` is safe whenever the error leaves no doubt about who owns the
 * writer id: the writer waits for every send to settle, drops the producer,
 * reads the log from its known positions to learn which in-doubt records are
 * durable, and sends only the others again with a new producer (new producer
 * id, so no stale broker-side sequence state). Idempotent mode: at worst a
 * record lands twice and readers drop the repeat. Transactional mode: the new
 * producer's init aborts or completes the old transaction first, so the
 * read_committed look is final.
 *
 * `fatal`: authorization, oversized records, bad input, and fencing in
 * transactional mode (another live writer took over the id: this one is a
 * zombie and must stop; recreating the producer would fence the rightful
 * owner in turn).
 */
export function classifyFailure(error: unknown, mode: WriterMode): 'recover' | 'fatal' {
  if (!isEoskitError(error)) return 'fatal';
  if (error.code === 'PRODUCER_FENCED') return mode === 'idempotent' ? 'recover' : 'fatal';
  if (RECOVERABLE.has(error.code)) return 'recover';
  if (error.code === 'KAFKA') return error.retriable ? 'recover' : 'fatal';
  return 'fatal';
}
