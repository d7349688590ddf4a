/**
 * The single table turning both clients' errors into `EoskitError`s.
 *
 * Kafka protocol error codes are the same numbers in both clients (kafkajs
 * `KafkaJSProtocolError.code`/`.type`, confluent `error.code` > 0), so one
 * table keyed by protocol code serves both. On top of it: librdkafka's local
 * codes (negative numbers, confluent only) and kafkajs' own error classes.
 *
 * `retriable` follows `errors.ts`: whether doing the work again may succeed.
 * For producer errors that means "again, with a new producer" (see the failure
 * rule in `types.ts`): TIMEOUT and UNKNOWN_PRODUCER_ID yes, PRODUCER_FENCED no.
 */
import { EoskitError, type ErrorCode } from '../errors.js';
import type { ClientKind } from './types.js';

/** Where an error maps to. */
export interface ErrorRule {
  code: ErrorCode;
  retriable: boolean;
}

const rule = (code: ErrorCode, retriable: boolean): ErrorRule => ({ code, retriable });
const KAFKA_RETRY = rule('KAFKA', true);
const KAFKA_FATAL = rule('KAFKA', false);
const AUTH = rule('AUTHORIZATION', false);
const CONFIG = rule('CONFIG_INVALID', false);
const REBALANCE = rule('REBALANCE', true);
const FENCED = rule('PRODUCER_FENCED', false);

/** Kafka protocol error code -> rule (codes as in Apache Kafka's `Errors`). */
export const PROTOCOL_ERRORS: Readonly<Record<number, ErrorRule>> = {
  [-1]: KAFKA_FATAL, // UNKNOWN_SERVER_ERROR
  1: KAFKA_FATAL, // OFFSET_OUT_OF_RANGE
  2: KAFKA_RETRY, // CORRUPT_MESSAGE
  3: KAFKA_RETRY, // UNKNOWN_TOPIC_OR_PARTITION (topic may still be propagating)
  5: KAFKA_RETRY, // LEADER_NOT_AVAILABLE
  6: KAFKA_RETRY, // NOT_LEADER_OR_FOLLOWER
  7: rule('TIMEOUT', true), // REQUEST_TIMED_OUT: outcome unknown
  8: KAFKA_RETRY, // BROKER_NOT_AVAILABLE
  9: KAFKA_RETRY, // REPLICA_NOT_AVAILABLE
  10: rule('RECORD_TOO_LARGE', false), // MESSAGE_TOO_LARGE
  13: KAFKA_RETRY, // NETWORK_EXCEPTION
  14: KAFKA_RETRY, // COORDINATOR_LOAD_IN_PROGRESS
  15: KAFKA_RETRY, // COORDINATOR_NOT_AVAILABLE
  16: KAFKA_RETRY, // NOT_COORDINATOR
  17: CONFIG, // INVALID_TOPIC_EXCEPTION
  18: rule('RECORD_TOO_LARGE', false), // RECORD_LIST_TOO_LARGE
  19: KAFKA_RETRY, // NOT_ENOUGH_REPLICAS
  20: KAFKA_RETRY, // NOT_ENOUGH_REPLICAS_AFTER_APPEND
  21: CONFIG, // INVALID_REQUIRED_ACKS
  22: REBALANCE, // ILLEGAL_GENERATION
  23: CONFIG, // INCONSISTENT_GROUP_PROTOCOL
  24: CONFIG, // INVALID_GROUP_ID
  25: REBALANCE, // UNKNOWN_MEMBER_ID
  26: CONFIG, // INVALID_SESSION_TIMEOUT
  27: REBALANCE, // REBALANCE_IN_PROGRESS
  29: AUTH, // TOPIC_AUTHORIZATION_FAILED
  30: AUTH, // GROUP_AUTHORIZATION_FAILED
  31: AUTH, // CLUSTER_AUTHORIZATION_FAILED
  33: AUTH, // UNSUPPORTED_SASL_MECHANISM
  34: AUTH, // ILLEGAL_SASL_STATE
  35: KAFKA_FATAL, // UNSUPPORTED_VERSION
  37: CONFIG, // INVALID_PARTITIONS
  38: CONFIG, // INVALID_REPLICATION_FACTOR
  39: CONFIG, // INVALID_REPLICA_ASSIGNMENT
  40: CONFIG, // INVALID_CONFIG
  41: KAFKA_RETRY, // NOT_CONTROLLER
  44: CONFIG, // POLICY_VIOLATION
  45: rule('OUT_OF_ORDER_SEQUENCE', true), // OUT_OF_ORDER_SEQUENCE_NUMBER
  46: rule('OUT_OF_ORDER_SEQUENCE', true), // DUPLICATE_SEQUENCE_NUMBER
  // INVALID_PRODUCER_EPOCH: fencing as old protocol versions (kafkajs) report it;
  // `transactional: false` turns it into KAFKA (see ruleFor).
  47: FENCED,
  48: rule('TXN_STATE', false), // INVALID_TXN_STATE
  49: rule('UNKNOWN_PRODUCER_ID', true), // INVALID_PRODUCER_ID_MAPPING
  50: CONFIG, // INVALID_TRANSACTION_TIMEOUT
  51: rule('TXN_STATE', true), // CONCURRENT_TRANSACTIONS
  52: FENCED, // TRANSACTION_COORDINATOR_FENCED
  53: AUTH, // TRANSACTIONAL_ID_AUTHORIZATION_FAILED
  56: KAFKA_RETRY, // KAFKA_STORAGE_ERROR
  58: AUTH, // SASL_AUTHENTICATION_FAILED
  59: rule('UNKNOWN_PRODUCER_ID', true), // UNKNOWN_PRODUCER_ID
  74: KAFKA_RETRY, // FENCED_LEADER_EPOCH
  75: KAFKA_RETRY, // UNKNOWN_LEADER_EPOCH
  82: rule('REBALANCE', false), // FENCED_INSTANCE_ID
  87: KAFKA_FATAL, // INVALID_RECORD
  88: KAFKA_RETRY, // UNSTABLE_OFFSET_COMMIT
  89: KAFKA_RETRY, // THROTTLING_QUOTA_EXCEEDED
  90: FENCED, // PRODUCER_FENCED
  110: REBALANCE, // FENCED_MEMBER_EPOCH
  113: REBALANCE, // STALE_MEMBER_EPOCH
  120: rule('TXN_ABORTED', true), // TRANSACTION_ABORTABLE
};

/** librdkafka local error codes (negative, confluent only) -> rule. */
export const LIBRDKAFKA_ERRORS: Readonly<Record<number, ErrorRule>> = {
  [-197]: rule('CLOSED', false), // ERR__DESTROY
  [-195]: KAFKA_RETRY, // ERR__TRANSPORT
  [-193]: KAFKA_RETRY, // ERR__RESOLVE
  [-192]: rule('TIMEOUT', true), // ERR__MSG_TIMED_OUT: message.timeout.ms passed, outcome unknown
  [-190]: KAFKA_RETRY, // ERR__UNKNOWN_PARTITION
  [-188]: KAFKA_RETRY, // ERR__UNKNOWN_TOPIC
  [-187]: KAFKA_RETRY, // ERR__ALL_BROKERS_DOWN
  [-186]: CONFIG, // ERR__INVALID_ARG
  [-185]: rule('TIMEOUT', true), // ERR__TIMED_OUT
  [-184]: KAFKA_RETRY, // ERR__QUEUE_FULL
  [-181]: AUTH, // ERR__SSL
  [-172]: rule('TXN_STATE', false), // ERR__STATE
  [-169]: AUTH, // ERR__AUTHENTICATION
  [-166]: rule('TIMEOUT', true), // ERR__TIMED_OUT_QUEUE
  // Purged by an abort, or by a fatal error (see ruleFor: outside a transaction, KAFKA).
  [-152]: rule('TXN_ABORTED', true), // ERR__PURGE_QUEUE
  [-151]: rule('TXN_ABORTED', true), // ERR__PURGE_INFLIGHT
  [-150]: KAFKA_FATAL, // ERR__FATAL
  // enable.gapless.guarantee stopped the producer rather than let a later batch land after a
  // failed one; nothing after the failure was written, so a new producer may redo the work.
  [-148]: KAFKA_RETRY, // ERR__GAPLESS_GUARANTEE
  [-144]: FENCED, // ERR__FENCED
  [-142]: REBALANCE, // ERR__ASSIGNMENT_LOST
};

/** kafkajs error classes that carry no protocol code -> rule. */
export const KAFKAJS_ERRORS: Readonly<Record<string, ErrorRule>> = {
  KafkaJSRequestTimeoutError: rule('TIMEOUT', true),
  KafkaJSTimeout: rule('TIMEOUT', true),
  KafkaJSLockTimeout: rule('TIMEOUT', true),
  KafkaJSConnectionError: KAFKA_RETRY,
  KafkaJSConnectionClosedError: KAFKA_RETRY,
  KafkaJSBrokerNotFound: KAFKA_RETRY,
  KafkaJSMetadataNotLoaded: KAFKA_RETRY,
  KafkaJSTopicMetadataNotLoaded: KAFKA_RETRY,
  KafkaJSStaleTopicMetadataAssignment: KAFKA_RETRY,
  KafkaJSGroupCoordinatorNotFound: KAFKA_RETRY,
  KafkaJSNoBrokerAvailableError: KAFKA_RETRY,
  KafkaJSSASLAuthenticationError: AUTH,
  KafkaJSNotImplemented: KAFKA_FATAL,
  KafkaJSServerDoesNotSupportApiKey: KAFKA_FATAL,
};

/** What was being done, for the message and for context-dependent codes. */
export interface ErrorContext {
  /** Short description, e.g. `send to topic "orders"`. */
  op: string;
  /** A transactional producer's call: INVALID_PRODUCER_EPOCH then means fenced. */
  transactional?: boolean;
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  type?: unknown;
  retriable?: unknown;
  isRetriable?: unknown;
  cause?: unknown;
  errors?: unknown;
}

const asErrorLike = (value: unknown): ErrorLike | undefined =>
  typeof value === 'object' && value !== null ? (value as ErrorLike) : undefined;

/** kafkajs wraps the real error in `cause` (retries exceeded, non-retriable); take the innermost with a code. */
function innermost(err: ErrorLike): ErrorLike {
  let current = err;
  for (let depth = 0; depth < 8; depth++) {
    const next = asErrorLike(current.cause) ?? firstOf(current.errors);
    if (!next || typeof current.type === 'string' && typeof current.code === 'number') break;
    current = next;
  }
  return current;
}

const firstOf = (errors: unknown): ErrorLike | undefined =>
  Array.isArray(errors) ? asErrorLike(errors[0]) : undefined;

/** Finds the rule for one client error (exported for the unit tests). */
export function ruleFor(kind: ClientKind, err: unknown, transactional = false): ErrorRule {
  const found = asErrorLike(err);
  if (!found) return KAFKA_FATAL;
  const inner = innermost(found);
  const code = typeof inner.code === 'number' ? inner.code : undefined;
  let matched: ErrorRule | undefined;
  if (code !== undefined && code !== 0) {
    matched = code < -1 ? (kind === 'confluent' ? LIBRDKAFKA_ERRORS[code] : undefined) : PROTOCOL_ERRORS[code];
  }
  if (!matched && kind === 'kafkajs') {
    matched = KAFKAJS_ERRORS[String(inner.name)] ?? KAFKAJS_ERRORS[String(found.name)];
  }
  if (!matched && isConfluentCoordinatorBug(inner)) matched = KAFKA_RETRY;
  if (!matched) {
    const flagged = inner.retriable === true || inner.isRetriable === true;
    matched = rule('KAFKA', flagged);
  }
  // Only a transactional producer can be fenced; elsewhere an epoch error is a plain Kafka error.
  if (code === 47 && !transactional) return KAFKA_FATAL;
  // Outside a transaction a purge means a fatal error stopped the producer (there is no abort).
  if ((code === -152 || code === -151) && !transactional) return KAFKA_RETRY;
  return matched;
}

/**
 * confluent 1.10.1 maps COORDINATOR_NOT_AVAILABLE to a class it never defines,
 * so the original error becomes this TypeError.
 */
function isConfluentCoordinatorBug(err: ErrorLike): boolean {
  return err.name === 'TypeError' && String(err.message).includes('KafkaJSGroupCoordinatorNotAvailableError');
}

/** The client's own name for an error, for messages: `INVALID_PRODUCER_EPOCH`, `ERR__FENCED`. */
function errorLabel(err: ErrorLike): string {
  if (typeof err.type === 'string' && err.type !== 'ERR_UNKNOWN') return err.type;
  if (typeof err.code === 'number' || typeof err.code === 'string') return `code ${String(err.code)}`;
  return typeof err.name === 'string' ? err.name : 'error';
}

/** Turns any client error into an `EoskitError` (an `EoskitError` passes through unchanged). */
export function toEoskitError(kind: ClientKind, err: unknown, ctx: ErrorContext): EoskitError {
  if (err instanceof EoskitError) return err;
  const found = asErrorLike(err) ?? {};
  const inner = innermost(found);
  const { code, retriable } = ruleFor(kind, err, ctx.transactional);
  const detail = typeof inner.message === 'string' && inner.message !== '' ? inner.message : String(err);
  const message = `${kind}: ${ctx.op} failed: ${detail} (${errorLabel(inner)})`;
  return new EoskitError(code, message, { retriable, cause: err });
}
