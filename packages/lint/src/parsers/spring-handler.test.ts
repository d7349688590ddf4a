import { describe, expect, it } from 'vitest';
import { applyEdits, parseFile } from './index.js';

const yml = `spring:
  kafka:
    bootstrap-servers: localhost:9092
    properties:
      sasl.jaas.config: org.apache.kafka.common.security.plain.PlainLoginModule required password="p";
      acks: 1
    producer:
      transaction-id-prefix: tx-
      acks: all
    consumer:
      group-id: orders
      isolation-level: read-uncommitted # eos-lint-disable-line C1
      enable-auto-commit: off
      auto-commit-interval: 1s
      fetch-min-size: 1KB
    listener:
      ack-mode: manual
server:
  port: 8080
`;

describe('parsers > spring', () => {
  it('maps spring.kafka sections to producer and consumer units in Kafka spelling', () => {
    const parsed = parseFile('src/main/resources/application.yml', yml);
    expect(parsed.format).toBe('spring');
    const [producer, consumer] = parsed.units;
    expect(producer).toMatchObject({ id: 'src/main/resources/application.yml#spring.kafka.producer', role: 'producer', dialect: 'java' });
    expect(producer?.entries.get('transactional.id')).toMatchObject({ value: 'tx-', rawKey: 'spring.kafka.producer.transaction-id-prefix', position: { line: 8, column: 7 } });
    // Spring's precedence: the section's own setting over spring.kafka.properties, without calling it a duplicate.
    expect(producer?.entries.get('acks')?.value).toBe('all');
    expect(producer?.shadowed).toEqual([]);
    expect(producer?.entries.get('sasl.jaas.config')?.secret).toBe(true);
    expect(consumer?.entries.get('isolation.level')).toMatchObject({ value: 'read_uncommitted', rawValue: 'read-uncommitted' });
    expect(consumer?.entries.get('enable.auto.commit')?.value).toBe('false');
    expect(consumer?.entries.get('auto.commit.interval.ms')?.value).toBe('1000');
    expect(consumer?.entries.get('fetch.min.bytes')?.value).toBe('1024');
    expect(consumer?.entries.get('acks')?.value).toBe('1');
    expect(consumer?.entries.has('ack-mode')).toBe(false);
    expect(parsed.suppressions).toEqual([expect.objectContaining({ commentLine: 12, targetLine: 12, ruleIds: ['C1'] })]);
  });

  it('reads application.properties with relaxed names and bracketed keys', () => {
    const text = 'spring.kafka.bootstrapServers=x:9092\nspring.kafka.producer.acks=1\nspring.kafka.producer.properties[enable.idempotence]=false\nspring.kafka.consumer.isolation-level=READ_COMMITTED\nspring.kafka.streams.application-id=app\nspring.kafka.streams.properties.processing.guarantee=exactly_once_v2\n';
    const parsed = parseFile('application-prod.properties', text);
    const byRole = Object.fromEntries(parsed.units.map((u) => [u.role, u]));
    expect(byRole['producer']?.entries.get('enable.idempotence')).toMatchObject({ value: 'false', position: { line: 3, column: 1 } });
    expect(byRole['consumer']?.entries.get('isolation.level')?.value).toBe('read_committed');
    expect(byRole['streams']?.entries.get('processing.guarantee')?.value).toBe('exactly_once_v2');
    expect(byRole['streams']?.entries.get('bootstrap.servers')?.value).toBe('x:9092');
  });

  it('writes Spring names, typed where Spring has them, properties.* otherwise', () => {
    const text = 'spring.kafka.bootstrap-servers=x:9092\nspring.kafka.producer.acks=1\nspring.kafka.producer.properties[enable.idempotence]=false\nspring.kafka.consumer.group-id=g\n';
    const parsed = parseFile('application.properties', text);
    const out = applyEdits(parsed, [
      { kind: 'set', unitId: 'application.properties#spring.kafka.producer', key: 'acks', value: 'all' },
      { kind: 'set', unitId: 'application.properties#spring.kafka.producer', key: 'enable.idempotence', value: 'true' },
      { kind: 'set', unitId: 'application.properties#spring.kafka.producer', key: 'transactional.id', value: 'tx-' },
      { kind: 'set', unitId: 'application.properties#spring.kafka.consumer', key: 'isolation.level', value: 'read_committed' },
      { kind: 'set', unitId: 'application.properties#spring.kafka.consumer', key: 'enable.auto.commit', value: 'false' },
    ]);
    expect(out).toBe(
      'spring.kafka.bootstrap-servers=x:9092\nspring.kafka.producer.acks=all\nspring.kafka.producer.properties[enable.idempotence]=true\nspring.kafka.producer.transaction-id-prefix=tx-\nspring.kafka.consumer.group-id=g\nspring.kafka.consumer.isolation-level=read_committed\nspring.kafka.consumer.enable-auto-commit=false\n',
    );
  });

  it('edits application.yml in place and adds keys under the section', () => {
    const parsed = parseFile('application.yml', yml);
    const out = applyEdits(parsed, [
      { kind: 'set', unitId: 'application.yml#spring.kafka.consumer', key: 'isolation.level', value: 'read_committed' },
      { kind: 'set', unitId: 'application.yml#spring.kafka.producer', key: 'enable.idempotence', value: 'true' },
    ]);
    expect(out).toContain('      isolation-level: read_committed # eos-lint-disable-line C1\n');
    expect(out).toContain('      acks: all\n      properties.enable.idempotence: true\n    consumer:\n');
    expect(parseFile('application.yml', out).units[0]?.entries.get('enable.idempotence')?.value).toBe('true');
  });

  it('keeps profile documents apart and ignores Spring files without Kafka', () => {
    const text = 'spring:\n  kafka:\n    producer:\n      acks: 1\n---\nspring:\n  config:\n    activate:\n      on-profile: prod\n  kafka:\n    producer:\n      acks: all\n';
    const parsed = parseFile('application.yml', text);
    expect(parsed.units.map((u) => [u.id, u.entries.get('acks')?.value])).toEqual([
      ['application.yml#doc1.spring.kafka.producer', '1'],
      ['application.yml#doc2.spring.kafka.producer', 'all'],
    ]);
    const out = applyEdits(parsed, [{ kind: 'set', unitId: 'application.yml#doc1.spring.kafka.producer', key: 'acks', value: 'all' }]);
    expect(out).toBe(text.replace('acks: 1', 'acks: all'));
    const plain = parseFile('application.yml', 'server:\n  port: 8080\n');
    expect(plain).toMatchObject({ format: 'spring', units: [], problems: [] });
  });
});
