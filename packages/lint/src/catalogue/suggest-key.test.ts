import { describe, expect, it } from 'vitest';
import { suggestKey } from './suggest-key.js';

describe('catalogue > suggestKey', () => {
  it('suggests the closest key for typos and other separators', () => {
    expect(suggestKey('producer', 'java', 'enable.idempotance')).toBe('enable.idempotence');
    expect(suggestKey('producer', 'java', 'enable_idempotence')).toBe('enable.idempotence');
    expect(suggestKey('consumer', 'java', 'isolation-level')).toBe('isolation.level');
    expect(suggestKey('broker', 'java', 'transaction.max.timout.ms')).toBe('transaction.max.timeout.ms');
    expect(suggestKey('flink', 'flink', 'sink.delivery-guarantees')).toBe('sink.delivery-guarantee');
  });

  it('answers kafkajs users in kafkajs spelling', () => {
    expect(suggestKey('producer', 'kafkajs', 'idempotant')).toBe('idempotent');
    expect(suggestKey('consumer', 'kafkajs', 'readUncomitted')).toBe('readUncommitted');
    expect(suggestKey('producer', 'librdkafka', 'enable.gapless.guarantees')).toBe('enable.gapless.guarantee');
  });

  it('keeps the prefix the user wrote', () => {
    expect(suggestKey('streams', 'java', 'producer.transaction.timout.ms')).toBe('producer.transaction.timeout.ms');
    expect(suggestKey('streams', 'java', 'processing.guarantees')).toBe('processing.guarantee');
  });

  it('says nothing when no key is plausibly meant', () => {
    expect(suggestKey('producer', 'java', 'completely.different.thing')).toBeUndefined();
    expect(suggestKey('producer', 'java', 'acks')).toBeUndefined();
  });
});
