import { describe, expect, it } from 'vitest';
import { applyEdits, parseFile } from './index.js';
import { envOfKafkaKey, kafkaKeyOfEnv } from './kafka-env-names.js';

describe('parsers > env names', () => {
  it('maps image variables to broker keys and back', () => {
    expect(kafkaKeyOfEnv('KAFKA_MIN_INSYNC_REPLICAS', false)).toBe('min.insync.replicas');
    expect(kafkaKeyOfEnv('KAFKA_LISTENER_NAME_INTERNAL_SSL___CLIENT___AUTH', false)).toBe('listener.name.internal.ssl-client-auth');
    expect(kafkaKeyOfEnv('KAFKA_CONFLUENT_SUPPORT__METRICS_ENABLE', false)).toBe('confluent.support_metrics.enable');
    expect(kafkaKeyOfEnv('KAFKA_HEAP_OPTS', false)).toBeUndefined();
    expect(kafkaKeyOfEnv('KAFKA_JMX_PORT', false)).toBeUndefined();
    expect(kafkaKeyOfEnv('KAFKA_CFG_NODE_ID', true)).toBe('node.id');
    expect(kafkaKeyOfEnv('KAFKA_KRAFT_CLUSTER_ID', true)).toBeUndefined();
    for (const key of ['min.insync.replicas', 'listener.name.internal.ssl-client-auth', 'confluent.support_metrics.enable']) {
      expect(kafkaKeyOfEnv(envOfKafkaKey(key, false), false)).toBe(key);
      expect(kafkaKeyOfEnv(envOfKafkaKey(key, true), true)).toBe(key);
    }
  });
});

describe('parsers > env', () => {
  const text = '# broker\nKAFKA_NODE_ID=1\nexport KAFKA_MIN_INSYNC_REPLICAS="1" # eos-lint-disable-line B4\nKAFKA_JMX_PORT=9999\nKAFKA_LOG_DIRS=/var/lib/kafka # data\nOTHER=x\n';

  it('reads KAFKA_* variables as a broker unit with positions', () => {
    const parsed = parseFile('config/broker.env', text);
    expect(parsed.format).toBe('env');
    const unit = parsed.units[0];
    expect(unit).toMatchObject({ role: 'broker', dialect: 'java' });
    expect([...(unit?.entries.keys() ?? [])]).toEqual(['node.id', 'min.insync.replicas', 'log.dirs']);
    expect(unit?.entries.get('min.insync.replicas')).toMatchObject({ value: '1', rawKey: 'KAFKA_MIN_INSYNC_REPLICAS', position: { line: 3, column: 8 }, valuePosition: { line: 3, column: 34 } });
    expect(unit?.entries.get('log.dirs')?.value).toBe('/var/lib/kafka');
    expect(parsed.suppressions).toEqual([{ file: 'config/broker.env', commentLine: 3, targetLine: 3, ruleIds: ['B4'] }]);
  });

  it('edits values keeping quotes and appends new variables', () => {
    const parsed = parseFile('.env', text);
    const out = applyEdits(parsed, [
      { kind: 'set', unitId: '.env', key: 'min.insync.replicas', value: '2' },
      { kind: 'set', unitId: '.env', key: 'unclean.leader.election.enable', value: 'false' },
      { kind: 'remove', unitId: '.env', key: 'node.id' },
    ]);
    expect(out).toBe('# broker\nexport KAFKA_MIN_INSYNC_REPLICAS="2" # eos-lint-disable-line B4\nKAFKA_JMX_PORT=9999\nKAFKA_LOG_DIRS=/var/lib/kafka # data\nKAFKA_UNCLEAN_LEADER_ELECTION_ENABLE=false\nOTHER=x\n');
  });
});
