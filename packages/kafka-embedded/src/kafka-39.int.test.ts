import { readFileSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';
import { describe, expect, it } from 'vitest';
import { usingExternalCluster } from '../../../test/helpers/kafka.js';
import { startCluster } from './start-cluster.js';

describe.skipIf(usingExternalCluster())('kafka-embedded > kafka 3.9', () => {
  it('Kafka 3.9.2 (log4j 1 line) starts, logs and serves an acks=all round trip', async () => {
    const cluster = await startCluster({ kafkaVersion: '3.9.2' });
    try {
      expect(cluster.kafkaVersion).toBe('3.9.2');
      const log = readFileSync(cluster.nodes[0]?.logFile as string, 'utf8');
      expect(log).toMatch(/Kafka version: 3\.9\.2/);
      const kafka = new Kafka({ brokers: cluster.brokers, logLevel: logLevel.NOTHING });
      const producer = kafka.producer({ idempotent: true });
      await producer.connect();
      await producer.send({ topic: 'legacy', acks: -1, messages: [{ value: 'v39' }] });
      await producer.disconnect();
      const consumer = kafka.consumer({ groupId: 'g39' });
      await consumer.connect();
      await consumer.subscribe({ topic: 'legacy', fromBeginning: true });
      const got = await new Promise<string>((resolve) => {
        void consumer.run({ eachMessage: async ({ message }) => resolve(String(message.value)) });
      });
      await consumer.disconnect();
      expect(got).toBe('v39');
    } finally {
      await cluster.stop();
    }
  });
});
