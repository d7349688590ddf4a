import { describe, expect, it } from 'vitest';
import { EoskitError } from '@eoskit/core';
import type { EosAdmin, TopicDescription } from '@eoskit/core';
import { checkClusterConfig, type ClusterCheckInput } from './check-cluster-config.js';

/** A cluster of three brokers with one down: metadata lists brokers 1 and 2 only, topics keep 3 replicas. */
function clusterWithOneBrokerDown(topics: string[]): EosAdmin {
  const describe = (name: string): TopicDescription => ({
    name,
    partitions: [0, 1].map((partition) => ({ partition, leader: 1, replicas: [1, 2, 3], isr: [1, 2] })),
  });
  return {
    connect: async () => undefined,
    createTopics: async () => undefined,
    describeTopics: async (names) => {
      const unknown = names.find((n) => !topics.includes(n));
      if (unknown !== undefined) throw new Error(`This server does not host this topic-partition (UNKNOWN_TOPIC_OR_PARTITION): ${unknown}`);
      return names.map(describe);
    },
    describeConfigs: async ({ type }): Promise<Record<string, string>> => (type === 'broker' ? { 'transaction.max.timeout.ms': '900000' } : { 'min.insync.replicas': '2' }),
    partitionOffsets: async () => [],
    committedOffsets: async () => [],
    brokers: async () => [1, 2],
    disconnect: async () => undefined,
  };
}

function input(admin: EosAdmin, warnings: string[], extra: Partial<ClusterCheckInput> = {}): ClusterCheckInput {
  return {
    admin,
    kind: 'kafkajs',
    producer: {},
    consumer: { 'isolation.level': 'read_committed', 'enable.auto.commit': 'false' },
    topics: [
      { name: 'in', role: 'input' },
      { name: 'out', role: 'output' },
    ],
    logger: { warn: (m) => warnings.push(m) },
    ...extra,
  };
}

describe('processor > check cluster config', () => {
  it('starts with a broker down: replication factor 3 on 2 live brokers is a warning for existing topics', async () => {
    const warnings: string[] = [];
    const facts = await checkClusterConfig(input(clusterWithOneBrokerDown(['in', 'out']), warnings));
    expect(facts.brokerCount).toBe(2);
    const rf = warnings.filter((w) => w.includes('topic-replication-factor-exceeds-brokers'));
    expect(rf).toHaveLength(2);
    expect(rf[0]).toContain('input topic "in": replication.factor=3 but the cluster has 2 broker(s)');
    expect(rf[0]).toContain('a broker is probably down');
  });

  it('still refuses a missing topic, and the caller may make the broker count an error again', async () => {
    await expect(checkClusterConfig(input(clusterWithOneBrokerDown(['in']), []))).rejects.toThrow('output topic "out" does not exist');
    const strict = input(clusterWithOneBrokerDown(['in', 'out']), [], { rules: { 'topic-replication-factor-exceeds-brokers': 'error' } });
    const err = await checkClusterConfig(strict).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EoskitError);
    expect((err as EoskitError).message).toContain('replication.factor=3 but the cluster has 2 broker(s)');
  });
});
