import { describe, expect, it } from 'vitest';
import { decideRole, roleFromFileName, roleFromKeys } from './role-detection.js';

describe('parsers > role detection', () => {
  it('reads roles from file names', () => {
    expect(roleFromFileName('config/producer.properties')).toBe('producer');
    expect(roleFromFileName('orders-consumer.yaml')).toBe('consumer');
    expect(roleFromFileName('/opt/kafka/config/server.properties')).toBe('broker');
    expect(roleFromFileName('kraft/broker.properties')).toBe('broker');
    expect(roleFromFileName('streams.properties')).toBe('streams');
    expect(roleFromFileName('conf/flink-conf.yaml')).toBe('flink');
    expect(roleFromFileName('topic-orders.properties')).toBe('topic');
    expect(roleFromFileName('producer-consumer.properties')).toBeUndefined();
    expect(roleFromFileName('observer.properties')).toBeUndefined();
    expect(roleFromFileName('client.properties')).toBeUndefined();
  });

  it('reads roles from keys, decisive keys first', () => {
    expect(roleFromKeys(['acks', 'enable.idempotence'])).toBe('producer');
    expect(roleFromKeys(['group.id', 'isolation.level'])).toBe('consumer');
    expect(roleFromKeys(['acks', 'application.id'])).toBe('streams');
    expect(roleFromKeys(['node.id', 'process.roles', 'min.insync.replicas'])).toBe('broker');
    expect(roleFromKeys(['cleanup.policy', 'retention.ms'])).toBe('topic');
    expect(roleFromKeys(['execution.checkpointing.interval'])).toBe('flink');
    expect(roleFromKeys(['bootstrap.servers'])).toBeUndefined();
    expect(roleFromKeys(['acks', 'group.id'])).toBeUndefined();
  });

  it('prefers options.role, then the file name, then the keys', () => {
    expect(decideRole('producer.properties', ['group.id'], { role: 'topic' })).toEqual({ role: 'topic', source: 'explicit' });
    expect(decideRole('producer.properties', ['group.id'], {})).toEqual({ role: 'producer', source: 'file-name' });
    expect(decideRole('app.properties', ['group.id'], undefined)).toEqual({ role: 'consumer', source: 'keys' });
    expect(decideRole('app.properties', [], undefined)).toBeUndefined();
  });
});
