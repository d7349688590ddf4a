import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { EoskitError } from '../errors.js';
import { LIBRDKAFKA_ERRORS, PROTOCOL_ERRORS, ruleFor, toEoskitError } from './error-table.js';

// The clients' own error classes and code lists, not look-alikes.
const require = createRequire(import.meta.url);
const kafkajs = require('kafkajs') as Record<string, new (...args: unknown[]) => Error>;
const { createErrorFromCode } = require('kafkajs/src/protocol/error') as { createErrorFromCode(code: number): Error };
const confluent = require('@confluentinc/kafka-javascript') as {
  CODES: { ERRORS: Record<string, number> };
  KafkaJS: Record<string, new (e: string, props: { code: number }) => Error>;
};
const CODES = confluent.CODES.ERRORS;
const kafkajsError = (code: number): Error => createErrorFromCode(code);
const confluentError = (name: string): Error => {
  const code = CODES[name];
  if (code === undefined) throw new Error(`librdkafka has no ${name}`);
  return new (confluent.KafkaJS.KafkaJSError as new (e: string, props: { code: number }) => Error)(`${name} happened`, { code });
};
const retriesExceeded = (cause: Error): Error =>
  new (kafkajs.KafkaJSNumberOfRetriesExceeded as new (e: Error, o: object) => Error)(cause, { retryCount: 5, retryTime: 100 });

describe('core > client > error table', () => {
  it.each([
    ['INVALID_PRODUCER_EPOCH in a transaction', 47, true, 'PRODUCER_FENCED', false],
    ['INVALID_PRODUCER_EPOCH outside one', 47, false, 'KAFKA', false],
    ['UNKNOWN_PRODUCER_ID', 59, true, 'UNKNOWN_PRODUCER_ID', true],
    ['OUT_OF_ORDER_SEQUENCE_NUMBER', 45, false, 'OUT_OF_ORDER_SEQUENCE', true],
    ['INVALID_TXN_STATE', 48, true, 'TXN_STATE', false],
    ['CONCURRENT_TRANSACTIONS', 51, true, 'TXN_STATE', true],
    ['REBALANCE_IN_PROGRESS', 27, false, 'REBALANCE', true],
    ['TOPIC_AUTHORIZATION_FAILED', 29, false, 'AUTHORIZATION', false],
    ['TRANSACTIONAL_ID_AUTHORIZATION_FAILED', 53, true, 'AUTHORIZATION', false],
    ['MESSAGE_TOO_LARGE', 10, false, 'RECORD_TOO_LARGE', false],
    ['REQUEST_TIMED_OUT', 7, false, 'TIMEOUT', true],
    ['NOT_ENOUGH_REPLICAS', 19, false, 'KAFKA', true],
  ] as const)('maps kafkajs %s', (_, code, transactional, expected, retriable) => {
    expect(ruleFor('kafkajs', kafkajsError(code), transactional)).toEqual({ code: expected, retriable });
  });

  it('looks through kafkajs retry wrappers to the broker error', () => {
    const wrapped = retriesExceeded(kafkajsError(19));
    expect(toEoskitError('kafkajs', wrapped, { op: 'send' })).toMatchObject({ code: 'KAFKA', retriable: true });
    const timeout = new (kafkajs.KafkaJSRequestTimeoutError as new (e: string) => Error)('Request Produce(key: 0) timed out');
    expect(ruleFor('kafkajs', retriesExceeded(timeout))).toEqual({ code: 'TIMEOUT', retriable: true });
  });

  it.each([
    ['ERR__FENCED', true, 'PRODUCER_FENCED', false],
    ['ERR_PRODUCER_FENCED', true, 'PRODUCER_FENCED', false],
    ['ERR_INVALID_PRODUCER_EPOCH', true, 'PRODUCER_FENCED', false],
    ['ERR__TIMED_OUT', true, 'TIMEOUT', true],
    ['ERR__MSG_TIMED_OUT', false, 'TIMEOUT', true],
    ['ERR__STATE', true, 'TXN_STATE', false],
    ['ERR_MSG_SIZE_TOO_LARGE', false, 'RECORD_TOO_LARGE', false],
    ['ERR_UNKNOWN_PRODUCER_ID', false, 'UNKNOWN_PRODUCER_ID', true],
    ['ERR__ASSIGNMENT_LOST', false, 'REBALANCE', true],
    ['ERR__PURGE_QUEUE', true, 'TXN_ABORTED', true],
    ['ERR__PURGE_QUEUE', false, 'KAFKA', true],
    ['ERR__GAPLESS_GUARANTEE', false, 'KAFKA', true],
    ['ERR__INVALID_ARG', false, 'CONFIG_INVALID', false],
    ['ERR__TRANSPORT', false, 'KAFKA', true],
  ] as const)('maps confluent %s', (name, transactional, expected, retriable) => {
    expect(ruleFor('confluent', confluentError(name), transactional)).toEqual({ code: expected, retriable });
  });

  it('uses the same protocol codes as librdkafka', () => {
    // Every positive code in the shared table means the same error in librdkafka.
    expect(CODES.ERR_INVALID_PRODUCER_EPOCH).toBe(47);
    expect(CODES.ERR_PRODUCER_FENCED).toBe(90);
    expect(CODES.ERR_UNKNOWN_PRODUCER_ID).toBe(59);
    expect(CODES.ERR_REBALANCE_IN_PROGRESS).toBe(27);
    for (const code of Object.keys(LIBRDKAFKA_ERRORS).map(Number)) {
      expect(Object.values(CODES)).toContain(code);
    }
    for (const code of Object.keys(PROTOCOL_ERRORS).map(Number).filter((c) => c > 0 && c < 100)) {
      expect(Object.values(CODES)).toContain(code);
    }
  });

  it('survives confluent turning COORDINATOR_NOT_AVAILABLE into a TypeError', () => {
    const bug = new TypeError('error.KafkaJSGroupCoordinatorNotAvailableError is not a constructor');
    expect(ruleFor('confluent', bug)).toEqual({ code: 'KAFKA', retriable: true });
  });

  it('names the operation and the client error, and keeps the cause', () => {
    const cause = kafkajsError(47);
    const err = toEoskitError('kafkajs', cause, { op: 'commit transaction "t1"', transactional: true });
    expect(err).toBeInstanceOf(EoskitError);
    expect(err.message).toMatch(/^kafkajs: commit transaction "t1" failed: .*old epoch.*\(INVALID_PRODUCER_EPOCH\)$/);
    expect(err.cause).toBe(cause);
    const already = new EoskitError('CLOSED', 'x');
    expect(toEoskitError('confluent', already, { op: 'y' })).toBe(already);
  });

  it('falls back to KAFKA, retriable as the client says', () => {
    expect(ruleFor('kafkajs', new (kafkajs.KafkaJSError as new (e: string) => Error)('odd'))).toEqual({ code: 'KAFKA', retriable: true });
    expect(ruleFor('kafkajs', 'a string')).toEqual({ code: 'KAFKA', retriable: false });
  });
});
