import type { KafkaClient } from '@eoskit/core';
import { describe, expect, it } from 'vitest';
import type { ReaderOptions } from './reader-types.js';
import { validateReaderOptions } from './validate-reader-options.js';

const base: ReaderOptions = { client: 'kafkajs', brokers: ['127.0.0.1:9092'], groupId: 'g', topics: ['t'] };

describe('validateReaderOptions', () => {
  it('accepts a kind with brokers and SASL, and a shared client', () => {
    expect(() => validateReaderOptions({ ...base, sasl: { mechanism: 'scram-sha-256', username: 'u', password: 'p' } })).not.toThrow();
    expect(() => validateReaderOptions({ ...base, client: { kind: 'kafkajs' } as unknown as KafkaClient, brokers: undefined })).not.toThrow();
  });

  it.each<[string, Partial<ReaderOptions>, RegExp]>([
    ['an unknown kind', { client: 'rdkafka' as never }, /reader option client must be kafkajs or confluent, got rdkafka/],
    ['a kind without brokers', { brokers: [] }, /reader option brokers is required with a client kind: list at least one host:port/],
    ['TLS next to a shared client', { client: { kind: 'kafkajs' } as unknown as KafkaClient, ssl: true }, /reader option ssl applies only when client is a client kind/],
    ['no topics', { topics: [] }, /reader option topics must list at least one topic/],
    ['a dead-letter topic that is read', { onFailure: { deadLetterTopic: 't' } }, /onFailure\.deadLetterTopic must not be one of the topics read/],
  ])('refuses %s, naming the option', (_, override, message) => {
    expect(() => validateReaderOptions({ ...base, ...override })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringMatching(message) }));
  });
});
