import { type Admin, Kafka, logLevel, type Producer } from 'kafkajs';
import { pollUntil } from './poll-until.js';

/** Topic the readiness probe writes to: one partition led by each broker. */
export const PROBE_TOPIC = '_eoskit_ready';

/** Where to look and how long. */
export interface ProbeTarget {
  brokers: string[];
  /** Node ids that must be registered brokers. */
  nodeIds: readonly number[];
  timeoutMs: number;
  /** Throws to stop waiting early (e.g. a node's JVM exited). */
  check?: () => void;
}

function client(brokers: string[]): Kafka {
  return new Kafka({
    clientId: 'eoskit-kafka-embedded',
    brokers,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 2000,
    requestTimeout: 10_000,
    retry: { retries: 1, initialRetryTime: 100, maxRetryTime: 1000 },
  });
}

async function registeredReason(admin: Admin, nodeIds: readonly number[]): Promise<true | string> {
  const { brokers } = await admin.describeCluster();
  const ids = new Set(brokers.map((b) => b.nodeId));
  const missing = nodeIds.filter((id) => !ids.has(id));
  return missing.length === 0 ? true : `brokers not registered yet: ${missing.join(', ')}`;
}

/**
 * Waits until every node is a registered broker AND serves acks=all writes: the probe topic gets
 * one partition led by each node (replicas rotated, RF min(n, 3)) and one record per partition.
 */
export async function waitForClusterReady(target: ProbeTarget): Promise<void> {
  const kafka = client(target.brokers);
  const admin = kafka.admin();
  let producer: Producer | undefined;
  const ids = [...target.nodeIds];
  const rf = Math.min(ids.length, 3);
  const replicaAssignment = ids.map((_, i) => ({
    partition: i,
    replicas: Array.from({ length: rf }, (_, r) => ids[(i + r) % ids.length] as number),
  }));
  let created = false;
  try {
    await pollUntil('waiting for the Kafka cluster to serve writes', target, async () => {
      await admin.connect();
      const registered = await registeredReason(admin, ids);
      if (registered !== true) return registered;
      if (!created) {
        await admin.createTopics({ waitForLeaders: true, timeout: 10_000, topics: [{ topic: PROBE_TOPIC, replicaAssignment }] });
        created = true;
      }
      producer ??= kafka.producer({ allowAutoTopicCreation: false });
      await producer.connect();
      await producer.send({
        topic: PROBE_TOPIC,
        acks: -1,
        timeout: 10_000,
        messages: ids.map((id, partition) => ({ partition, value: `ready ${id}` })),
      });
      return true;
    });
  } finally {
    await Promise.allSettled([admin.disconnect(), producer?.disconnect()]);
  }
}

/** Waits until the nodes are registered brokers (after a restart). */
export async function waitForBrokersRegistered(target: ProbeTarget): Promise<void> {
  const admin = client(target.brokers).admin();
  try {
    await pollUntil('waiting for the broker to register', target, async () => {
      await admin.connect();
      return registeredReason(admin, target.nodeIds);
    });
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}

/**
 * Waits until all nodes are registered brokers and no partition of any topic (internal ones
 * included) is under-replicated or leaderless.
 */
export async function waitForNoUnderReplication(target: ProbeTarget): Promise<void> {
  const admin = client(target.brokers).admin();
  try {
    await pollUntil('waiting for the Kafka cluster to be healthy', target, async () => {
      await admin.connect();
      const registered = await registeredReason(admin, target.nodeIds);
      if (registered !== true) return registered;
      const topics = await admin.listTopics();
      const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
      const bad: string[] = [];
      for (const t of metadata) {
        for (const p of t.partitions) {
          if (p.leader < 0 || p.isr.length < p.replicas.length) bad.push(`${t.name}-${p.partitionId} isr [${p.isr.join(',')}] of [${p.replicas.join(',')}]`);
        }
      }
      return bad.length === 0 ? true : `${bad.length} under-replicated partition(s), e.g. ${bad.slice(0, 3).join('; ')}`;
    });
  } finally {
    await admin.disconnect().catch(() => undefined);
  }
}
