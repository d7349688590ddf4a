/**
 * Why a transactional confluent send was purged. When librdkafka raises a
 * fatal error (fencing: another producer initialised the same transactional
 * id) it purges the queued records, and a send only sees ERR__PURGE_QUEUE,
 * which reads like an ordinary aborted transaction. librdkafka's
 * `begin_transaction()` called inside an open transaction changes nothing and
 * answers with the stored fatal error, if there is one; its code is the cause
 * (ERR__FENCED for fencing).
 */
import type { RdProducer } from './confluent-types.js';

/** Codes that may hide a fatal error: ERR__PURGE_QUEUE, ERR__PURGE_INFLIGHT, ERR__FATAL. */
export const MAY_HIDE_FATAL: ReadonlySet<number> = new Set([-152, -151, -150]);
/** librdkafka's ERR__FENCED. */
const ERR_FENCED = -144;

/**
 * The producer's fatal error, or undefined when it has none (or does not
 * answer within `timeoutMs`). Call only while a transaction is open and no
 * commit or abort runs: in the ready state `begin_transaction()` would begin one.
 */
export function fatalCause(rd: RdProducer, timeoutMs = 5000): Promise<unknown> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(undefined), timeoutMs);
    try {
      rd.beginTransaction((err) => {
        clearTimeout(timer);
        resolve(err !== null && (err.isFatal === true || err.code === ERR_FENCED) ? err : undefined);
      });
    } catch {
      clearTimeout(timer);
      resolve(undefined);
    }
  });
}
