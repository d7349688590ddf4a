import { Kafka, logLevel } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { usingExternalCluster } from '../../../test/helpers/kafka.js';
import type { EmbeddedCluster } from './embedded-cluster.js';
import { startCluster } from './start-cluster.js';

/**
 * Writes acks=all batches one after another until stopped, remembering every acknowledged value.
 * Each batch goes to one partition: kafkajs 2.2.4 can resolve a send spanning several leaders
 * without resending the partitions whose leader died (tulios/kafkajs#1303, PR #1798), which would
 * make lost records look like a cluster fault.
 */
function continuousWriter(kafka: Kafka, topic: string) {
  const producer = kafka.producer({ idempotent: true, retry: { retries: 20, initialRetryTime: 200, maxRetryTime: 2000 } });
  let running = true;
  const acked: number[] = [];
  const failures: string[] = [];
  const ackTimes: number[] = [];
  const done = (async () => {
    await producer.connect();
    let seq = 0;
    for (let batch = 0; running; batch++) {
      const values = Array.from({ length: 10 }, () => seq++);
      try {
        await producer.send({ topic, acks: -1, timeout: 30_000, messages: values.map((v) => ({ partition: batch % 3, value: String(v) })) });
        acked.push(...values);
        ackTimes.push(Date.now());
      } catch (err) {
        failures.push((err as Error).message);
      }
      await new Promise((r) => setTimeout(r, 20));
    }
    await producer.disconnect();
  })();
  return {
    stop: async () => {
      running = false;
      await done;
    },
    get acked() {
      return acked.length;
    },
    ackedValues: acked,
    failures,
    ackedSince: (t: number) => ackTimes.filter((x) => x >= t).length,
  };
}

/** Every value in the topic, read from the beginning. */
async function readAll(kafka: Kafka, topic: string): Promise<number[]> {
  const total = await countRecords(kafka, topic);
  const consumer = kafka.consumer({ groupId: `read-all-${Date.now()}` });
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  const values: number[] = [];
  await new Promise<void>((resolve) => {
    if (total === 0) resolve();
    void consumer.run({
      eachMessage: async ({ message }) => {
        values.push(Number(String(message.value)));
        if (values.length >= total) resolve();
      },
    });
  });
  await consumer.disconnect();
  return values;
}

async function countRecords(kafka: Kafka, topic: string): Promise<number> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const offsets = await admin.fetchTopicOffsets(topic);
    return offsets.reduce((sum, o) => sum + Number(o.high) - Number(o.low), 0);
  } finally {
    await admin.disconnect();
  }
}

async function partitions(kafka: Kafka, topic: string): Promise<{ leader: number; isr: number[] }[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { topics } = await admin.fetchTopicMetadata({ topics: [topic] });
    return (topics[0]?.partitions ?? []).map((p) => ({ leader: p.leader, isr: p.isr }));
  } finally {
    await admin.disconnect();
  }
}

async function isr(kafka: Kafka, topic: string): Promise<number[][]> {
  return (await partitions(kafka, topic)).map((p) => [...p.isr].sort());
}

const waitUntil = async (what: () => Promise<boolean>, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!(await what())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 250));
  }
};

describe.skipIf(usingExternalCluster())('kafka-embedded > faults', () => {
  let cluster: EmbeddedCluster;
  let kafka: Kafka;
  const topic = 'faults';

  beforeAll(async () => {
    cluster = await startCluster({ nodes: 3 });
    // Short request timeouts: a request to a frozen broker must fail over in seconds, not 30 s.
    kafka = new Kafka({ brokers: cluster.brokers, logLevel: logLevel.NOTHING, requestTimeout: 5000, connectionTimeout: 2000 });
    const admin = kafka.admin();
    await admin.connect();
    await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 3 }] });
    await admin.disconnect();
  });
  afterAll(async () => {
    await cluster?.stop();
  });

  it('SIGKILL of one of 3 nodes: acks=all writes keep succeeding (min ISR 2); after restart the cluster is healthy', async () => {
    const writer = continuousWriter(kafka, topic);
    await waitUntil(async () => writer.acked >= 100, 30_000);
    const victim = cluster.nodes[1];
    const oldPid = victim?.pid;
    await cluster.kill(2);
    expect(cluster.nodes[1]?.pid).toBeNull();
    const killedAt = Date.now();
    // The dead node leaves every ISR once the controller fences it; 2 replicas remain (= min ISR).
    await waitUntil(async () => (await isr(kafka, topic)).every((r) => r.length === 2 && !r.includes(2)), 60_000);
    await waitUntil(async () => writer.ackedSince(killedAt) >= 20, 60_000);

    await cluster.restart(2);
    expect(cluster.nodes[1]?.pid).not.toBe(oldPid);
    await cluster.waitForHealthy();
    expect(await isr(kafka, topic)).toEqual([
      [1, 2, 3],
      [1, 2, 3],
      [1, 2, 3],
    ]);
    const restartedAt = Date.now();
    await waitUntil(async () => writer.ackedSince(restartedAt) >= 20, 60_000);
    await writer.stop();

    expect(writer.failures).toEqual([]);
    // Idempotent acks=all writes: exactly what was acknowledged is in the log, nothing lost, no duplicates.
    const values = await readAll(kafka, topic);
    expect(values.length).toBe(writer.acked);
    expect(new Set(values)).toEqual(new Set(writer.ackedValues));
  });

  it('pause/resume: a frozen node is fenced, the other two take acks=all writes, and it rejoins after SIGCONT', async () => {
    await cluster.pause(3);
    try {
      // The controller fences the silent node: it leads nothing and leaves every ISR.
      await waitUntil(async () => {
        const parts = await partitions(kafka, topic).catch(() => undefined);
        return parts !== undefined && parts.every((p) => p.leader !== 3 && !p.isr.includes(3));
      }, 60_000);
      // A client that bootstraps from the live nodes writes with acks=all (min ISR 2 is met).
      // (kafkajs itself does not refresh metadata after a request timeout, so a producer that was
      // talking to the frozen leader would wait for SIGCONT: a client matter, not the cluster's.)
      // Patient retries: coordinators that moved off the frozen node answer "loading" for a while.
      const live = new Kafka({
        brokers: cluster.brokers.slice(0, 2),
        logLevel: logLevel.NOTHING,
        requestTimeout: 5000,
        retry: { retries: 20, initialRetryTime: 300, maxRetryTime: 3000 },
      });
      const producer = live.producer({ idempotent: true, retry: { retries: 20, initialRetryTime: 300, maxRetryTime: 3000 } });
      // The transaction coordinator that moved off the frozen node can answer "loading" for longer
      // than one connect's retries on a busy machine: InitProducerId is simply asked again.
      await waitUntil(() => producer.connect().then(() => true, () => false), 90_000);
      const before = await countRecords(live, topic);
      for (let i = 0; i < 5; i++) {
        await producer.send({ topic, acks: -1, messages: Array.from({ length: 10 }, (_, j) => ({ key: String(j), value: 'paused' })) });
      }
      await producer.disconnect();
      expect(await countRecords(live, topic)).toBe(before + 50);
    } finally {
      await cluster.resume(3);
    }
    await cluster.waitForHealthy();
    expect((await partitions(kafka, topic)).map((p) => [...p.isr].sort())).toEqual([
      [1, 2, 3],
      [1, 2, 3],
      [1, 2, 3],
    ]);
  });

  it('kill with SIGTERM shuts a node down cleanly and restart brings it back', async () => {
    await cluster.kill(1, 'SIGTERM');
    expect(cluster.nodes[0]?.pid).toBeNull();
    await expect(cluster.pause(1)).rejects.toThrow(/node 1 is not running/);
    await cluster.restart(1);
    await cluster.waitForHealthy();
    expect(cluster.nodes.every((n) => n.pid !== null)).toBe(true);
  });
});
