import { describe, expect, it } from 'vitest';
import { EoskitError } from '../errors.js';
import { confluentProducerConfig, kafkajsRetry, resolveProducerSettings } from './producer-settings.js';
import type { ProducerOptions } from './types.js';

function refusal(kind: 'kafkajs' | 'confluent', options: ProducerOptions): string {
  try {
    resolveProducerSettings(kind, options);
  } catch (err) {
    if (err instanceof EoskitError && err.code === 'CONFIG_INVALID') return err.message;
    throw err;
  }
  return 'accepted';
}

describe('core > client > producer settings', () => {
  it('defaults to Java-like safe values', () => {
    expect(resolveProducerSettings('kafkajs')).toMatchObject({ deliveryTimeoutMs: 120_000, maxInFlight: 5, compression: 'none' });
    // A record may not outlive its transaction.
    expect(resolveProducerSettings('confluent', { transactionalId: 't' })).toMatchObject({ deliveryTimeoutMs: 60_000 });
    expect(resolveProducerSettings('confluent', { transactionalId: 't', transactionTimeoutMs: 10_000 }).deliveryTimeoutMs).toBe(10_000);
  });

  it('refuses unsafe or impossible options, naming them', () => {
    expect(refusal('confluent', { maxInFlight: 6 })).toMatch(/maxInFlight: 6 exceeds 5/);
    expect(refusal('confluent', { transactionalId: 't', deliveryTimeoutMs: 90_000 })).toMatch(/deliveryTimeoutMs: 90000 must not exceed transactionTimeoutMs \(60000\)/);
    expect(refusal('kafkajs', { compression: 'zstd' })).toMatch(/compression: kafkajs has no built-in zstd codec/);
    expect(refusal('confluent', { compression: 'zstd' })).toBe('accepted');
    expect(refusal('kafkajs', { transactionalId: ' ' })).toMatch(/transactionalId/);
    expect(refusal('kafkajs', { deliveryTimeoutMs: 0 })).toMatch(/deliveryTimeoutMs: must be an integer >= 1/);
  });

  it('gives kafkajs enough retries to fill the delivery timeout', () => {
    const retry = kafkajsRetry(120_000);
    let total = 0;
    let wait = retry.initialRetryTime;
    for (let i = 0; i < retry.retries; i++) {
      total += wait;
      wait = Math.min(wait * retry.multiplier, retry.maxRetryTime);
    }
    expect(total).toBeGreaterThanOrEqual(120_000);
    expect(retry.retries).toBeLessThan(200);
  });

  it('puts librdkafka safety properties at the top level, where they win over the KafkaJS layer', () => {
    const config = confluentProducerConfig(resolveProducerSettings('confluent', { transactionalId: 'tx', transactionTimeoutMs: 20_000 }));
    expect(config).toMatchObject({
      'enable.idempotence': true,
      acks: 'all',
      retries: 2_147_483_647,
      'max.in.flight.requests.per.connection': 5,
      'message.timeout.ms': 20_000,
      'transactional.id': 'tx',
      'transaction.timeout.ms': 20_000,
      'socket.timeout.ms': 20_100,
    });
    expect(config).not.toHaveProperty('enable.gapless.guarantee');
    expect(confluentProducerConfig(resolveProducerSettings('confluent'))).toMatchObject({ 'enable.gapless.guarantee': true });
  });
});
