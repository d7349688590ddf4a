import { describe, expect, it } from 'vitest';
import { producerOptionsFrom } from './producer-settings.js';

describe('writer > producer settings', () => {
  it('maps safe overrides onto the adapter options', () => {
    expect(
      producerOptionsFrom({
        acks: 'all',
        'enable.idempotence': true,
        'linger.ms': 20,
        'batch.size': 65536,
        'compression.type': 'gzip',
        'delivery.timeout.ms': 60000,
        'transaction.timeout.ms': 30000,
        'max.in.flight.requests.per.connection': 3,
      }),
    ).toEqual({
      lingerMs: 20,
      batchSize: 65536,
      compression: 'gzip',
      deliveryTimeoutMs: 60000,
      transactionTimeoutMs: 30000,
      maxInFlight: 3,
    });
    expect(producerOptionsFrom()).toEqual({});
  });

  it.each([
    [{ acks: 1 }, /acks=1 refused: .*lost when the leader fails.*eos-lint producer-acks-not-all/],
    [{ 'enable.idempotence': false }, /enable.idempotence=false refused: .*eos-lint producer-idempotence-disabled/],
    [{ retries: 0 }, /retries=0 refused/],
    [{ 'max.in.flight.requests.per.connection': 10 }, /max.in.flight.requests.per.connection=10 refused/],
    [{ 'delivery.timeout.ms': 1000, 'linger.ms': 5000 }, /delivery.timeout.ms=1000 refused: .*below request.timeout.ms/],
    [{ 'linger.ms': 'abc' }, /linger.ms=abc refused: .*not an integer/],
  ])('refuses what eos-lint flags as an error: %j', (config, message) => {
    expect(() => producerOptionsFrom(config)).toThrow(message);
  });

  it.each([
    [{ retries: 5 }, /retries=5 refused: retries would give up after a few retries/],
    [{ 'transactional.id': 'mine' }, /transactional.id=mine refused: .*derived from the writer id/],
    [{ 'buffer.memory': 1 }, /buffer.memory=1 refused: .*not a producer setting the writer lets you change/],
    [{ 'compression.type': 'brotli' }, /compression.type=brotli refused/],
  ])('refuses what the writer owns or does not support: %j', (config, message) => {
    expect(() => producerOptionsFrom(config)).toThrow(message);
  });
});
