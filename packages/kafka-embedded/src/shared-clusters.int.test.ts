import { ConfigResourceTypes, Kafka, logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { sharedCluster, uniqueName, usingExternalCluster } from '../../../test/helpers/kafka.js';

// The global setup starts both shared clusters with startCluster(); these checks are the 1-node
// and 3-node start tests, without paying for two more starts.
async function brokerSettings(brokers: string[], nodeId: number, names: string[]): Promise<Record<string, string>> {
  const admin = new Kafka({ brokers, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  try {
    const { resources } = await admin.describeConfigs({
      includeSynonyms: false,
      resources: [{ type: ConfigResourceTypes.BROKER, name: String(nodeId), configNames: names }],
    });
    return Object.fromEntries((resources[0]?.configEntries ?? []).map((e) => [e.configName, e.configValue]));
  } finally {
    await admin.disconnect();
  }
}

const REPLICATION_KEYS = [
  'default.replication.factor',
  'min.insync.replicas',
  'offsets.topic.replication.factor',
  'transaction.state.log.replication.factor',
  'transaction.state.log.min.isr',
  'unclean.leader.election.enable',
];

describe.skipIf(usingExternalCluster())('kafka-embedded > shared clusters', () => {
  it('3 nodes: every broker registered, RF 3 and min ISR 2 for topics, offsets and transactions', async () => {
    const info = sharedCluster(3);
    expect(info.nodes).toBe(3);
    const brokers = info.bootstrapServers.split(',');
    const kafka = new Kafka({ brokers, logLevel: logLevel.NOTHING });
    const admin = kafka.admin();
    await admin.connect();
    try {
      expect((await admin.describeCluster()).brokers.map((b) => b.nodeId).sort()).toEqual([1, 2, 3]);
      for (const id of [1, 2, 3]) {
        expect(await brokerSettings(brokers, id, REPLICATION_KEYS)).toEqual({
          'default.replication.factor': '3',
          'min.insync.replicas': '2',
          'offsets.topic.replication.factor': '3',
          'transaction.state.log.replication.factor': '3',
          'transaction.state.log.min.isr': '2',
          'unclean.leader.election.enable': 'false',
        });
      }
      // A topic created without a replication factor gets 3 replicas.
      const topic = uniqueName('rf-default');
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 2 }] });
      const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
      for (const p of topics[0]?.partitions ?? []) expect(p.replicas).toHaveLength(3);
    } finally {
      await admin.disconnect();
    }
  });

  it('1 node: RF 1 and min ISR 1, and an acks=all write reads back', async () => {
    const info = sharedCluster(1);
    expect(info.nodes).toBe(1);
    const brokers = info.bootstrapServers.split(',');
    expect(await brokerSettings(brokers, 1, REPLICATION_KEYS)).toMatchObject({
      'default.replication.factor': '1',
      'min.insync.replicas': '1',
      'offsets.topic.replication.factor': '1',
      'transaction.state.log.replication.factor': '1',
      'transaction.state.log.min.isr': '1',
    });
    const kafka = new Kafka({ brokers, logLevel: logLevel.NOTHING });
    const topic = uniqueName('roundtrip');
    const producer = kafka.producer({ idempotent: true });
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: [{ value: 'hello' }] });
    await producer.disconnect();
    const consumer = kafka.consumer({ groupId: uniqueName('g') });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const got = await new Promise<string>((resolve) => {
      void consumer.run({ eachMessage: async ({ message }) => resolve(String(message.value)) });
    });
    await consumer.disconnect();
    expect(got).toBe('hello');
  });
});
