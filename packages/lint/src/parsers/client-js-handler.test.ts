import { describe, expect, it } from 'vitest';
import { applyEdits, parseFile } from './index.js';

const kafkajs = `{
  // kafkajs client shared by the orders service
  "clientId": "orders",
  "brokers": ["localhost:9092", "localhost:9093"],
  "retry": { "retries": 3 },
  "producer": { "idempotent": false, "maxInFlightRequests": 5, "transactionalId": "tx-1" },
  "consumer": { "groupId": "g", "readUncommitted": true },
  "run": { "autoCommit": true },
  "send": { "acks": 1 }
}`;

const confluent = `{
  "producer": {
    "kafkaJS": { "brokers": ["b:9092"], "idempotent": false, "transactionalId": "t" },
    "enable.idempotence": true,
    "linger.ms": 5
  },
  "consumer": {
    "kafkaJS": { "groupId": "g" },
    "isolation.level": "read_uncommitted"
  }
}`;

describe('parsers > client-js', () => {
  it('translates kafkajs options to Kafka keys per client', () => {
    const parsed = parseFile('config/kafka.json', kafkajs);
    expect(parsed.format).toBe('client-js');
    const [producer, consumer] = parsed.units;
    expect(producer).toMatchObject({ id: 'config/kafka.json#producer', role: 'producer', dialect: 'kafkajs' });
    expect(producer?.entries.get('enable.idempotence')).toMatchObject({ value: 'false', rawKey: 'producer.idempotent', position: { line: 6, column: 17 } });
    expect(producer?.entries.get('max.in.flight.requests.per.connection')?.value).toBe('5');
    expect(producer?.entries.get('transactional.id')?.value).toBe('tx-1');
    expect(producer?.entries.get('retries')?.value).toBe('3');
    expect(producer?.entries.get('acks')?.value).toBe('1');
    expect(producer?.entries.get('bootstrap.servers')?.value).toBe('localhost:9092,localhost:9093');
    expect(consumer?.entries.get('isolation.level')).toMatchObject({ value: 'read_uncommitted', rawValue: 'true' });
    expect(consumer?.entries.get('enable.auto.commit')?.value).toBe('true');
    expect(consumer?.entries.has('enable.idempotence')).toBe(false);
  });

  it('reads a flat kafkajs producer object by its options', () => {
    const parsed = parseFile('writer.json', '{ "idempotent": true, "transactionalId": "w", "maxInFlightRequests": 1 }');
    expect(parsed.units.map((u) => u.role)).toEqual(['producer']);
  });

  it('translates the confluent kafkaJS block and lets librdkafka properties win', () => {
    const parsed = parseFile('confluent.json', confluent);
    const [producer, consumer] = parsed.units;
    expect(producer?.dialect).toBe('confluent-js');
    expect(producer?.entries.get('enable.idempotence')).toMatchObject({ value: 'true', rawKey: 'producer.enable.idempotence', position: { line: 4, column: 5 } });
    expect(producer?.entries.get('transactional.id')?.value).toBe('t');
    expect(producer?.shadowed).toEqual([]);
    expect(consumer?.entries.get('group.id')?.value).toBe('g');
    expect(consumer?.entries.get('isolation.level')?.value).toBe('read_uncommitted');
  });

  it('writes kafkajs options back in kafkajs terms', () => {
    const out = applyEdits(parseFile('kafka.json', kafkajs), [
      { kind: 'set', unitId: 'kafka.json#producer', key: 'enable.idempotence', value: 'true' },
      { kind: 'set', unitId: 'kafka.json#producer', key: 'acks', value: 'all' },
      { kind: 'set', unitId: 'kafka.json#producer', key: 'transaction.timeout.ms', value: '60000' },
      { kind: 'set', unitId: 'kafka.json#consumer', key: 'isolation.level', value: 'read_committed' },
      { kind: 'set', unitId: 'kafka.json#consumer', key: 'enable.auto.commit', value: 'false' },
    ]);
    expect(out).toBe(`{
  // kafkajs client shared by the orders service
  "clientId": "orders",
  "brokers": ["localhost:9092", "localhost:9093"],
  "retry": { "retries": 3 },
  "producer": { "idempotent": true, "maxInFlightRequests": 5, "transactionalId": "tx-1", "transactionTimeout": 60000 },
  "consumer": { "groupId": "g", "readUncommitted": false },
  "run": { "autoCommit": false },
  "send": { "acks": -1 }
}`);
  });

  it('writes librdkafka properties into a confluent config', () => {
    const out = applyEdits(parseFile('confluent.json', confluent), [
      { kind: 'set', unitId: 'confluent.json#consumer', key: 'isolation.level', value: 'read_committed' },
      { kind: 'set', unitId: 'confluent.json#producer', key: 'acks', value: 'all' },
    ]);
    expect(out).toContain('"linger.ms": 5,\n    "acks": "all"\n  },');
    expect(out).toContain('"isolation.level": "read_committed"');
  });
});
