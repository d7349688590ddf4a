import { describe, expect, it } from 'vitest';
import { defaultValue } from './default-value.js';

describe('catalogue > defaultValue', () => {
  it('follows the Java defaults of the Kafka version', () => {
    expect(defaultValue('producer', 'java', 'acks', '2.8')).toBe('1');
    expect(defaultValue('producer', 'java', 'acks', '3.0')).toBe('all');
    expect(defaultValue('consumer', 'java', 'isolation.level')).toBe('read_uncommitted');
    expect(defaultValue('producer', 'java', 'transactional.id')).toBeNull();
    expect(defaultValue('producer', 'java', 'no.such.key')).toBeUndefined();
  });

  it('differs per dialect', () => {
    expect(defaultValue('producer', 'librdkafka', 'enable.idempotence')).toBe('false');
    expect(defaultValue('producer', 'librdkafka', 'max.in.flight.requests.per.connection')).toBe('1000000');
    expect(defaultValue('consumer', 'librdkafka', 'isolation.level')).toBe('read_committed');
    expect(defaultValue('producer', 'kafkajs', 'enable.idempotence')).toBe('false');
    expect(defaultValue('producer', 'kafkajs', 'max.in.flight.requests.per.connection')).toBeNull();
    expect(defaultValue('consumer', 'kafkajs', 'isolation.level')).toBe('read_committed');
  });

  it('applies what Kafka Streams sets under a processing guarantee', () => {
    expect(defaultValue('streams', 'java', 'commit.interval.ms')).toBe('30000');
    expect(defaultValue('streams', 'java', 'commit.interval.ms', '4.4', { processingGuarantee: 'exactly_once_v2' })).toBe('100');
    expect(defaultValue('streams', 'java', 'producer.transaction.timeout.ms', '4.4', { processingGuarantee: 'exactly_once_v2' })).toBe('10000');
    expect(defaultValue('streams', 'java', 'producer.transaction.timeout.ms', '4.4', { processingGuarantee: 'at_least_once' })).toBe('60000');
    expect(defaultValue('streams', 'java', 'main.consumer.isolation.level', '3.9', { processingGuarantee: 'exactly_once' })).toBe('read_committed');
  });

  it("knows Flink's connector defaults, SQL and DataStream", () => {
    expect(defaultValue('flink', 'flink', 'sink.delivery-guarantee')).toBe('at-least-once');
    expect(defaultValue('flink', 'flink', 'sink.delivery-guarantee', undefined, { flinkApi: 'datastream' })).toBe('none');
    expect(defaultValue('flink', 'flink', 'properties.transaction.timeout.ms')).toBe('3600000');
    expect(defaultValue('flink', 'flink', 'execution.checkpointing.interval')).toBeNull();
    expect(defaultValue('flink', 'flink', 'properties.isolation.level')).toBe('read_uncommitted');
  });
});
