import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedBrokers, uniqueName } from '../../../../../test/helpers/kafka.js';
import { createClient } from '../create-client.js';
import { resolveProducerSettings } from '../producer-settings.js';
import type { PartitionedRecord } from '../records.js';
import type { KafkaClient } from '../types.js';
import { createConfluentProducerDriver } from './confluent-producer.js';
import type { CfKafka } from './confluent-types.js';
import { loadConfluent } from './load-confluent.js';

describe.each([1, 3] as const)('core > client > confluent > producer driver > on the %i-node cluster', (nodes) => {
  let client: KafkaClient;
  let kafka: CfKafka;
  const topic = uniqueName(`cf-driver-${nodes}`);

  beforeAll(async () => {
    client = await createClient({ client: 'confluent', brokers: sharedBrokers(nodes) });
    const admin = client.admin();
    await admin.connect();
    await admin.createTopics([{ topic, numPartitions: 3 }]);
    await admin.disconnect();
    const mod = await loadConfluent();
    kafka = new mod.KafkaJS.Kafka({ kafkaJS: { brokers: sharedBrokers(nodes), logLevel: 0 } });
  });
  afterAll(async () => client?.close());

  it('waits for room when librdkafka\'s queue is full, keeping the call order', async () => {
    // A queue of 1,000 records (default 100,000), so sends overrun it at once.
    const driver = createConfluentProducerDriver(kafka, resolveProducerSettings('confluent'), { 'queue.buffering.max.messages': 1000 });
    await driver.connect();
    const records = (name: string, n: number): PartitionedRecord[] =>
      Array.from({ length: n }, (_, i) => ({ topic, key: null, value: Buffer.from(`${name}${i}`), partition: i % 3 }));
    const [big, small] = await Promise.all([driver.send(records('a', 20_000), false), driver.send(records('b', 30), false)]);
    await driver.disconnect();
    expect(big).toHaveLength(20_000);
    expect(small).toHaveLength(30);
    for (const partition of [0, 1, 2]) {
      const offsets = [...big, ...small].filter((p) => p.partition === partition).map((p) => p.offset);
      expect(offsets).toEqual(offsets.map((_, i) => (offsets[0] as number) + i));
    }
  });
});
