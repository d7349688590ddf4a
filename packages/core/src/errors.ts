/**
 * Every error eoskit raises on purpose is an {@link EoskitError} with a stable
 * {@link ErrorCode}, so callers branch on `err.code`, never on message text.
 *
 * `retriable` answers one question for retry loops: may the same operation,
 * repeated unchanged, succeed? A producer is finished after any failed call
 * (client/types.ts), so for producer errors it means "redone with a new
 * producer": UNKNOWN_PRODUCER_ID and TIMEOUT are retriable, PRODUCER_FENCED is
 * not (another instance owns the transactional id).
 */

/** The closed set of error codes. Add a code here before using it. */
export type ErrorCode =
  // configuration refused (an eos-lint rule, a bad option)
  | 'CONFIG_INVALID'
  // a client library is not installed or could not be loaded
  | 'CLIENT_UNAVAILABLE'
  // another producer with the same transactional id took over (zombie fencing)
  | 'PRODUCER_FENCED'
  // the broker no longer knows this producer id (expired or deleted state)
  | 'UNKNOWN_PRODUCER_ID'
  // the broker saw a sequence gap for this producer and partition
  | 'OUT_OF_ORDER_SEQUENCE'
  // the transaction was aborted (by the coordinator's timeout or on purpose)
  | 'TXN_ABORTED'
  // a transactional call was made in a state that does not allow it
  | 'TXN_STATE'
  // an operation did not complete in time; its outcome is unknown
  | 'TIMEOUT'
  // missing ACL or failed authentication
  | 'AUTHORIZATION'
  // a record (or batch) is larger than the broker or topic accepts
  | 'RECORD_TOO_LARGE'
  // the consumer group rebalanced; the generation is stale
  | 'REBALANCE'
  // record headers that do not follow the eoskit header format
  | 'HEADER_INVALID'
  // a caller-supplied sequence did not increase
  | 'SEQUENCE_ORDER'
  // the object was closed or stopped
  | 'CLOSED'
  // the object is not connected yet (call connect() first)
  | 'NOT_CONNECTED'
  // the embedded Kafka cluster could not be resolved, started or controlled
  | 'EMBEDDED_KAFKA'
  // a sink (database) operation failed
  | 'SINK'
  // a sink's stored offset moved under this reader (another reader owns the partition now)
  | 'SINK_CONFLICT'
  // saved reader/processor state that cannot be decoded
  | 'STATE_INVALID'
  // any other Kafka error, with the broker's error name in the message
  | 'KAFKA';

/** Options shared by every eoskit error. */
export interface EoskitErrorOptions extends ErrorOptions {
  /** Whether repeating the same operation unchanged may succeed. */
  retriable?: boolean;
}

/** Base class of every error eoskit throws on purpose. */
export class EoskitError extends Error {
  /** Stable machine-readable code. */
  readonly code: ErrorCode;
  /** Whether repeating the same operation unchanged may succeed. */
  readonly retriable: boolean;

  constructor(code: ErrorCode, message: string, options: EoskitErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.retriable = options.retriable ?? false;
  }
}

/** True when `err` is an {@link EoskitError}, optionally with the given code. */
export function isEoskitError(err: unknown, code?: ErrorCode): err is EoskitError {
  return err instanceof EoskitError && (code === undefined || err.code === code);
}
