import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedBrokers, sharedCluster, uniqueName } from '../../../../test/helpers/kafka.js';
import { EoskitError } from '../errors.js';
import { createClient } from './create-client.js';
import type { ClientKind, EosAdmin, KafkaClient } from './types.js';

const CLIENTS: ClientKind[] = ['kafkajs', 'confluent'];
const SIZES = [1, 3] as const;

describe.each(CLIENTS)('core > client > %s > admin', (kind) => {
  describe.each(SIZES)('on the %i-node cluster', (nodes) => {
    let client: KafkaClient;
    let admin: EosAdmin;

    beforeAll(async () => {
      client = await createClient({ client: kind, brokers: sharedBrokers(nodes) });
      admin = client.admin();
      await admin.connect();
    });
    afterAll(async () => {
      await admin?.disconnect();
      await client?.close();
    });

    it('creates topics once and describes them', async () => {
      const topic = uniqueName(`admin-${kind}-${nodes}`);
      const replicationFactor = sharedCluster(nodes).nodes === 3 ? 3 : 1;
      const spec = { topic, numPartitions: 3, replicationFactor, configs: { 'cleanup.policy': 'compact', 'min.insync.replicas': '1' } };
      await admin.createTopics([spec]);
      await admin.createTopics([spec]);
      const [described] = await admin.describeTopics([topic]);
      expect(described?.name).toBe(topic);
      expect(described?.partitions.map((p) => p.partition)).toEqual([0, 1, 2]);
      for (const p of described?.partitions ?? []) {
        expect(p.replicas).toHaveLength(replicationFactor);
        expect(p.replicas).toContain(p.leader);
      }
      const configs = await admin.describeConfigs({ type: 'topic', name: topic });
      expect(configs['cleanup.policy']).toBe('compact');
      expect(configs['min.insync.replicas']).toBe('1');
      expect(await admin.partitionOffsets(topic)).toEqual([0, 1, 2].map((partition) => ({ topic, partition, low: 0, high: 0 })));
      expect(await admin.committedOffsets(uniqueName('nobody'), topic)).toEqual(
        [0, 1, 2].map((partition) => ({ topic, partition, offset: -1 })),
      );
    });

    it('knows the offsets of every partition right after creating a topic', async () => {
      for (let i = 0; i < 5; i++) {
        const topic = uniqueName(`admin-fresh-${kind}-${nodes}`);
        await admin.createTopics([{ topic, numPartitions: 6 }]);
        expect(await admin.partitionOffsets(topic)).toEqual([0, 1, 2, 3, 4, 5].map((partition) => ({ topic, partition, low: 0, high: 0 })));
      }
    });

    it('lists live brokers and reads their configs', async () => {
      const brokers = await admin.brokers();
      const expected = sharedCluster(nodes).nodes;
      if (expected > 0) expect(brokers).toHaveLength(expected);
      expect(brokers.length).toBeGreaterThan(0);
      const configs = await admin.describeConfigs({ type: 'broker', name: String(brokers[0]) });
      expect(configs['transaction.state.log.min.isr']).toMatch(/^\d+$/);
      expect(Object.keys(configs).some((k) => /password/i.test(k))).toBe(false);
    });

    it('reports an unknown topic as an EoskitError', async () => {
      let caught: unknown;
      try {
        await admin.describeConfigs({ type: 'topic', name: uniqueName('missing') });
      } catch (err) {
        caught = err;
      }
      expect(caught).toBeInstanceOf(EoskitError);
    });
  });
});
