import { describe, expect, it } from 'vitest';
import { applyEdits, parseFile } from './index.js';

const text = `apiVersion: kafka.strimzi.io/v1beta2
kind: Kafka
metadata:
  name: my-cluster
  annotations:
    strimzi.io/node-pools: enabled
spec:
  kafka:
    replicas: 3
    config:
      # eos-lint-disable-next-line B4 -- raised by the topic
      min.insync.replicas: 1
      transaction.state.log.replication.factor: 3
---
apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaNodePool
metadata:
  name: brokers
  labels:
    strimzi.io/cluster: my-cluster
spec:
  replicas: 2
  roles: [broker]
---
apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaNodePool
metadata:
  name: controllers
  labels:
    strimzi.io/cluster: my-cluster
spec:
  replicas: 3
  roles: [controller]
---
apiVersion: kafka.strimzi.io/v1beta2
kind: KafkaTopic
metadata:
  name: orders
spec:
  topicName: orders.v1
  partitions: 6
  replicas: 1
`;

describe('parsers > strimzi', () => {
  it('reads Kafka as a broker unit with the broker count of its node pools', () => {
    const parsed = parseFile('k8s/kafka.yaml', text);
    expect(parsed.format).toBe('strimzi');
    const kafka = parsed.units.find((u) => u.role === 'broker');
    expect(kafka).toMatchObject({ id: 'k8s/kafka.yaml#Kafka/my-cluster', name: 'my-cluster' });
    expect(kafka?.entries.get('min.insync.replicas')).toMatchObject({ value: '1', rawKey: 'spec.kafka.config.min.insync.replicas', position: { line: 12, column: 7 } });
    expect(kafka?.clusterBrokers).toEqual({ count: 2, file: 'k8s/kafka.yaml', position: { line: 22, column: 13 }, source: 'KafkaNodePool brokers (2)' });
    expect(parsed.suppressions).toEqual([{ file: 'k8s/kafka.yaml', commentLine: 11, targetLine: 12, ruleIds: ['B4'], reason: 'raised by the topic' }]);
  });

  it('falls back to spec.kafka.replicas without node pools', () => {
    const single = text.split('---')[0] as string;
    expect(parseFile('kafka.yaml', single).units[0]?.clusterBrokers).toMatchObject({ count: 3, source: 'spec.kafka.replicas', position: { line: 9 } });
  });

  it('reads KafkaTopic replicas as replication.factor', () => {
    const topic = parseFile('k8s/kafka.yaml', text).units.find((u) => u.role === 'topic');
    expect(topic).toMatchObject({ id: 'k8s/kafka.yaml#KafkaTopic/orders', name: 'orders.v1' });
    expect(topic?.entries.get('replication.factor')).toMatchObject({ value: '1', rawKey: 'spec.replicas', position: { line: 42, column: 3 } });
    expect(topic?.entries.get('partitions')?.value).toBe('6');
  });

  it('edits spec.kafka.config and creates spec.config for a topic', () => {
    const parsed = parseFile('k8s/kafka.yaml', text);
    const out = applyEdits(parsed, [
      { kind: 'set', unitId: 'k8s/kafka.yaml#Kafka/my-cluster', key: 'min.insync.replicas', value: '2' },
      { kind: 'set', unitId: 'k8s/kafka.yaml#Kafka/my-cluster', key: 'unclean.leader.election.enable', value: 'false' },
      { kind: 'set', unitId: 'k8s/kafka.yaml#KafkaTopic/orders', key: 'replication.factor', value: '3' },
      { kind: 'set', unitId: 'k8s/kafka.yaml#KafkaTopic/orders', key: 'min.insync.replicas', value: '2' },
    ]);
    expect(out).toContain('      # eos-lint-disable-next-line B4 -- raised by the topic\n      min.insync.replicas: 2\n      transaction.state.log.replication.factor: 3\n      unclean.leader.election.enable: false\n---');
    expect(out.endsWith('  partitions: 6\n  replicas: 3\n  config:\n    min.insync.replicas: 2\n')).toBe(true);
    const again = parseFile('k8s/kafka.yaml', out);
    expect(again.units.find((u) => u.role === 'topic')?.entries.get('min.insync.replicas')?.value).toBe('2');
  });
});
