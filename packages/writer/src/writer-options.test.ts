import type { KafkaClient } from '@eoskit/core';
import { describe, expect, it } from 'vitest';
import { resolveOptions } from './writer-options.js';

const base = { client: 'kafkajs' as const, brokers: ['127.0.0.1:9092'], writerId: 'orders-1', topics: ['orders'] };

describe('writer > options', () => {
  it('keeps the connection settings of a client kind, clientId and SASL included', () => {
    const sasl = { mechanism: 'scram-sha-512', username: 'app', password: 'pw' } as const;
    expect(resolveOptions({ ...base, clientId: 'orders-relay', ssl: true, sasl }).connection).toEqual({ client: 'kafkajs', brokers: base.brokers, clientId: 'orders-relay', ssl: true, sasl });
  });

  it.each<[string, object, RegExp]>([
    ['a kind without brokers', { brokers: [] }, /brokers is required with a client kind/],
    ['an unknown kind', { client: 'rdkafka' }, /client must be kafkajs or confluent, got rdkafka/],
    ['TLS next to a shared client', { client: { kind: 'kafkajs' } as unknown as KafkaClient, ssl: true }, /ssl applies only when client is a client kind/],
  ])('refuses %s with CONFIG_INVALID', (_, override, message) => {
    expect(() => resolveOptions({ ...base, ...override })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID', message: expect.stringMatching(message) }));
  });
});
