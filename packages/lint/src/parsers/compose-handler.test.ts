import { describe, expect, it } from 'vitest';
import { applyEdits, parseFile } from './index.js';

const text = `services:
  controller:
    image: apache/kafka:3.9.0
    environment:
      KAFKA_NODE_ID: 9
      KAFKA_PROCESS_ROLES: controller
  kafka-1:
    image: apache/kafka:3.9.0
    environment:
      KAFKA_NODE_ID: 1
      KAFKA_PROCESS_ROLES: broker
      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: 3 # eos-lint-disable-line B2
      KAFKA_HEAP_OPTS: -Xmx1g
  kafka-2:
    image: bitnami/kafka:3.9
    environment:
      - KAFKA_CFG_NODE_ID=2
      - "KAFKA_CFG_MIN_INSYNC_REPLICAS=1"
      - KAFKA_KRAFT_CLUSTER_ID=abc
      - KAFKA_CFG_LISTENERS
  app:
    image: example/orders
    environment:
      KAFKA_BOOTSTRAP_SERVERS: kafka-1:9092
`;

describe('parsers > compose', () => {
  it('makes one broker unit per Kafka service, both environment forms', () => {
    const parsed = parseFile('docker-compose.yml', text);
    expect(parsed.format).toBe('compose');
    expect(parsed.units.map((u) => u.id)).toEqual(['docker-compose.yml#services.controller', 'docker-compose.yml#services.kafka-1', 'docker-compose.yml#services.kafka-2']);
    const [, k1, k2] = parsed.units;
    expect(k1?.entries.get('transaction.state.log.replication.factor')).toMatchObject({ value: '3', rawKey: 'KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR', position: { line: 12, column: 7 }, valuePosition: { line: 12, column: 55 } });
    expect(k1?.entries.has('heap.opts')).toBe(false);
    expect(k2?.entries.get('min.insync.replicas')).toMatchObject({ value: '1', position: { line: 18, column: 10 }, valuePosition: { line: 18, column: 40 } });
    expect([...(k2?.entries.keys() ?? [])]).toEqual(['node.id', 'min.insync.replicas']);
    expect(parsed.suppressions).toEqual([expect.objectContaining({ commentLine: 12, targetLine: 12, ruleIds: ['B2'] })]);
  });

  it('counts broker services, not controllers or apps, as the cluster size', () => {
    const units = parseFile('docker-compose.yml', text).units;
    expect(units.map((u) => u.clusterBrokers?.count)).toEqual([2, 2, 2]);
  });

  it('edits map and list environments in their own style', () => {
    const parsed = parseFile('docker-compose.yml', text);
    const out = applyEdits(parsed, [
      { kind: 'set', unitId: 'docker-compose.yml#services.kafka-1', key: 'transaction.state.log.replication.factor', value: '2' },
      { kind: 'set', unitId: 'docker-compose.yml#services.kafka-1', key: 'transaction.state.log.min.isr', value: '1' },
      { kind: 'set', unitId: 'docker-compose.yml#services.kafka-2', key: 'min.insync.replicas', value: '2' },
      { kind: 'set', unitId: 'docker-compose.yml#services.kafka-2', key: 'unclean.leader.election.enable', value: 'false' },
      { kind: 'remove', unitId: 'docker-compose.yml#services.kafka-2', key: 'node.id' },
    ]);
    expect(out).toContain('      KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR: "2" # eos-lint-disable-line B2\n      KAFKA_HEAP_OPTS: -Xmx1g\n      KAFKA_TRANSACTION_STATE_LOG_MIN_ISR: "1"\n  kafka-2:');
    expect(out).toContain('    environment:\n      - "KAFKA_CFG_MIN_INSYNC_REPLICAS=2"\n      - KAFKA_KRAFT_CLUSTER_ID=abc\n      - KAFKA_CFG_LISTENERS\n      - KAFKA_CFG_UNCLEAN_LEADER_ELECTION_ENABLE=false\n  app:');
  });
});
