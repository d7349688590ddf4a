import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type ClientKind, type KafkaClient } from '@eoskit/core';
import { startCluster, type EmbeddedCluster } from '@eoskit/kafka-embedded';
import { uniqueName } from '../../../test/helpers/kafka.js';
import { consumeCommitted, readBack } from '../../../test/helpers/writer-read-back.js';
import { createWriter } from './eoskit-writer.js';
import type { RecoveryEvent, WriterMode, WriterRecord } from './writer-types.js';

const COUNT = 15_000;
const KILL_AT = 4_000;
const CASES: Array<[ClientKind, WriterMode]> = [
  ['kafkajs', 'idempotent'],
  ['confluent', 'idempotent'],
  ['kafkajs', 'transactional'],
  ['confluent', 'transactional'],
];

// Its own 3-node cluster: the shared ones must never lose a node.
describe('writer > broker SIGKILLed during writes (own 3-node cluster)', () => {
  let cluster: EmbeddedCluster;
  let client: KafkaClient;

  beforeAll(async () => {
    cluster = await startCluster({ nodes: 3, embeddedOnly: true });
    client = await createClient({ client: 'kafkajs', brokers: cluster.brokers });
  });
  afterAll(async () => {
    await client?.close();
    await cluster?.stop();
  });

  it.each(CASES)('%s, %s: every record durable once and in order, the writer recovering by itself', async (kind, mode) => {
    const topic = uniqueName(`kill-${kind}-${mode}`);
    const admin = client.admin();
    await admin.connect();
    await admin.createTopics([{ topic, numPartitions: 6, replicationFactor: 3 }]);
    // Kill the leader of partition 0: its partitions fail over while records are in flight.
    const [description] = await admin.describeTopics([topic]);
    const victim = description?.partitions.find((p) => p.partition === 0)?.leader as number;
    await admin.disconnect();

    const writerId = uniqueName('kill');
    const recoveries: RecoveryEvent[] = [];
    const writer = createWriter({
      client: kind,
      brokers: cluster.brokers,
      writerId,
      topics: [topic],
      mode,
      maxBatchRecords: 1000,
      onRecovery: (e) => recoveries.push(e),
    });
    await writer.connect();
    // The node dies mid-stream and comes back 10 s later, while the writes go on.
    let outage: Promise<void> | undefined;
    async function* source(): AsyncGenerator<WriterRecord> {
      for (let n = 0; n < COUNT; n++) {
        if (n === KILL_AT) {
          outage = cluster
            .kill(victim, 'SIGKILL')
            .then(() => new Promise((r) => setTimeout(r, 10_000)))
            .then(() => cluster.restart(victim));
        }
        yield { key: `k${n % 500}`, value: `{"n":${n},"pad":"${'.'.repeat(400)}"}`, sequence: n };
      }
    }
    try {
      const result = await writer.writeMany(source());
      await writer.close();
      expect(result.count).toBe(COUNT);
    } finally {
      await outage?.catch(() => cluster.restart(victim));
      await cluster.waitForHealthy();
    }

    const read = await readBack(client, topic, writerId, COUNT);
    expect(read.missing).toEqual([]);
    expect(read.outOfOrder).toBe(0);
    if (mode === 'transactional') {
      expect(read.duplicates).toBe(0);
      expect((await consumeCommitted(client, topic, COUNT)).length).toBe(COUNT);
    }
    console.info(
      `writer broker kill ${kind}/${mode}: node ${victim} killed at record ${KILL_AT}; ` +
        `${recoveries.length} recovery(ies) (${recoveries.map((r) => `${r.error.message.slice(0, 80)}: found ${r.foundDurable}, re-sent ${r.resent}`).join('; ')}); ` +
        `${read.duplicates} repeat(s) in the log`,
    );
  });

  it.each<[ClientKind, WriterMode]>([
    ['kafkajs', 'idempotent'],
    ['confluent', 'transactional'],
  ])('%s, %s: two of three nodes down (no quorum, below min ISR): sends time out, the writer recovers once they are back', async (kind, mode) => {
    const topic = uniqueName(`quorum-${kind}-${mode}`);
    const admin = client.admin();
    await admin.connect();
    await admin.createTopics([{ topic, numPartitions: 6, replicationFactor: 3 }]);
    await admin.disconnect();
    const writerId = uniqueName('quorum');
    const recoveries: RecoveryEvent[] = [];
    const writer = createWriter({
      client: kind,
      brokers: cluster.brokers,
      writerId,
      topics: [topic],
      mode,
      maxBatchRecords: 500,
      // Sends give up after 10 s (a quarter), the writer after 40 s without progress.
      deliveryTimeoutMs: 40_000,
      onRecovery: (e) => recoveries.push(e),
    });
    await writer.connect();
    await writer.writeMany(Array.from({ length: 2000 }, (_, n) => ({ key: `k${n % 100}`, value: `v${n}`, sequence: n })));
    const pending = writer.writeMany(Array.from({ length: 3000 }, (_, i) => ({ key: `k${i % 100}`, value: `v${2000 + i}`, sequence: 2000 + i })));
    try {
      await Promise.all([cluster.kill(2), cluster.kill(3)]);
      await new Promise((r) => setTimeout(r, 15_000));
    } finally {
      await Promise.all([cluster.restart(2), cluster.restart(3)]);
    }
    const result = await pending;
    await writer.close();
    expect(result.count).toBe(3000);
    expect(recoveries.length).toBeGreaterThan(0);
    const read = await readBack(client, topic, writerId, 5000);
    expect(read.missing).toEqual([]);
    expect(read.outOfOrder).toBe(0);
    if (mode === 'transactional') expect(read.duplicates).toBe(0);
    console.info(
      `writer quorum loss ${kind}/${mode}: ${recoveries.length} recovery(ies) ` +
        `(${recoveries.map((r) => `${r.error.message.slice(0, 100)}: found ${r.foundDurable}, re-sent ${r.resent}`).join('; ')}); ` +
        `${read.duplicates} repeat(s) in the log`,
    );
    await cluster.waitForHealthy();
  });
});
