/**
 * kafkajs drops its consumer group object while it restarts after a
 * retriable crash (a broker bounce): until it has joined again, `seek`,
 * `pause` and `resume` throw a non-retriable "Consumer group was not
 * initialized". Nothing is lost by skipping such a call: the restart rejoins
 * the group, which the adapter reports as "all partitions revoked, then
 * assigned", and every partition starts again from its committed offset.
 */
import { toEoskitError } from '../error-table.js';

const NOT_INITIALIZED = 'Consumer group was not initialized';

/** True for kafkajs' error from a group call made while the consumer restarts (between generations). */
export function isBetweenGenerations(err: unknown): boolean {
  return err instanceof Error && err.name === 'KafkaJSNonRetriableError' && err.message.startsWith(NOT_INITIALIZED);
}

/**
 * Runs a synchronous kafkajs group call (`seek`, `pause`, `resume`): skipped
 * between generations (returns false), any other failure thrown as an
 * `EoskitError` naming `op`.
 */
export function groupCall(op: string, call: () => void): boolean {
  try {
    call();
    return true;
  } catch (err) {
    if (isBetweenGenerations(err)) return false;
    throw toEoskitError('kafkajs', err, { op });
  }
}
