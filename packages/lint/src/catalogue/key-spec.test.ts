import { describe, expect, it } from 'vitest';
import { isKnownKey, keySpec, rolesForKey } from './key-spec.js';

describe('catalogue > keySpec', () => {
  it('describes producer keys per Kafka version', () => {
    expect(keySpec('producer', 'java', 'acks', '2.8.2')).toMatchObject({ type: 'string', default: '1', validValues: ['all', '-1', '0', '1'] });
    expect(keySpec('producer', 'java', 'acks', '3.0.2')?.default).toBe('all');
    expect(keySpec('producer', 'java', 'enable.idempotence', '2.8')?.default).toBe('false');
    expect(keySpec('producer', 'java', 'enable.idempotence')?.default).toBe('true');
    expect(keySpec('producer', 'java', 'max.in.flight.requests.per.connection')).toMatchObject({ type: 'int', default: '5', min: 1 });
  });

  it('knows version-dependent valid values and removed keys', () => {
    expect(keySpec('streams', 'java', 'processing.guarantee', '3.9')?.validValues).toContain('exactly_once');
    expect(keySpec('streams', 'java', 'processing.guarantee', '4.0')?.validValues).toEqual(['at_least_once', 'exactly_once_v2']);
    expect(keySpec('streams', 'java', 'replication.factor', '2.8')?.default).toBe('1');
    expect(keySpec('streams', 'java', 'replication.factor', '3.0')?.default).toBe('-1');
    expect(keySpec('broker', 'java', 'zookeeper.connect', '3.9')?.until).toBe('3.9.2');
    expect(keySpec('broker', 'java', 'zookeeper.connect', '4.0')).toBeUndefined();
  });

  it('has the broker and topic keys the EOS rules read', () => {
    expect(keySpec('broker', 'java', 'transaction.max.timeout.ms')?.default).toBe('900000');
    expect(keySpec('broker', 'java', 'transaction.state.log.replication.factor')).toMatchObject({ type: 'short', default: '3' });
    expect(keySpec('broker', 'java', 'min.insync.replicas')?.default).toBe('1');
    expect(keySpec('topic', 'java', 'min.insync.replicas')?.default).toBe('1');
    expect(keySpec('topic', 'java', 'unclean.leader.election.enable')?.default).toBe('false');
    expect(keySpec('topic', 'java', 'replication.factor')).toMatchObject({ type: 'short', default: null });
  });

  it('resolves Streams client prefixes and Flink properties. keys', () => {
    expect(keySpec('streams', 'java', 'producer.transaction.timeout.ms')).toMatchObject({ default: '60000', catalogue: 'kafka-producer' });
    expect(keySpec('streams', 'java', 'main.consumer.isolation.level')?.catalogue).toBe('kafka-consumer');
    expect(keySpec('flink', 'flink', 'properties.transaction.timeout.ms')?.default).toBe('3600000');
    expect(keySpec('flink', 'flink', 'properties.enable.idempotence')?.catalogue).toBe('kafka-producer');
    expect(keySpec('flink', 'flink', 'execution.checkpointing.timeout')).toMatchObject({ type: 'long', unit: 'ms', default: '600000' });
  });

  it('uses the dialect catalogue for librdkafka, confluent-js and kafkajs', () => {
    expect(keySpec('producer', 'librdkafka', 'enable.idempotence')?.default).toBe('false');
    expect(keySpec('producer', 'librdkafka', 'enable.gapless.guarantee')?.default).toBe('false');
    expect(keySpec('consumer', 'librdkafka', 'enable.gapless.guarantee')).toBeUndefined();
    expect(keySpec('producer', 'confluent-js', 'max.in.flight.requests.per.connection')?.default).toBe('1000000');
    expect(keySpec('producer', 'kafkajs', 'enable.idempotence')?.default).toBe('false');
    expect(keySpec('producer', 'kafkajs', 'group.id')).toBeUndefined();
  });

  it('never returns inherited properties as keys', () => {
    for (const key of ['constructor', '__proto__', 'toString', 'hasOwnProperty']) {
      expect(keySpec('producer', 'java', key)).toBeUndefined();
      expect(keySpec('topic', 'java', key)).toBeUndefined();
      expect(keySpec('flink', 'flink', key)).toBeUndefined();
    }
  });
});

describe('catalogue > isKnownKey', () => {
  it('tells known, unknown and plug-in keys apart', () => {
    expect(isKnownKey('producer', 'java', 'enable.idempotence')).toBe(true);
    expect(isKnownKey('producer', 'java', 'enable.idempotance')).toBe(false);
    expect(isKnownKey('producer', 'java', 'schema.registry.url')).toBe(true);
    expect(isKnownKey('broker', 'java', 'listener.name.internal.ssl.keystore.location')).toBe(true);
    expect(isKnownKey('flink', 'flink', 'taskmanager.memory.process.size')).toBe(true);
    expect(isKnownKey('flink', 'flink', 'sink.delivery-guarantees')).toBe(false);
    expect(isKnownKey('flink', 'flink', 'execution.checkpointing.intervall')).toBe(false);
  });

  it('names the roles a key belongs to', () => {
    expect(rolesForKey('java', 'isolation.level')).toEqual(['consumer', 'streams']);
    expect(rolesForKey('java', 'transaction.max.timeout.ms')).toEqual(['broker']);
  });
});
