import { createClient } from '@eoskit/core';
import type { ClientKind, KafkaClient, NewTopic } from '@eoskit/core';
import { startCluster } from '@eoskit/kafka-embedded';
import type { EmbeddedCluster } from '@eoskit/kafka-embedded';

/** Progress for the person running an example (stderr, so stdout stays the result). */
export function say(message: string): void {
  process.stderr.write(`${message}\n`);
}

/**
 * The Kafka cluster an example runs on: `EOS_BOOTSTRAP_SERVERS` when set (an existing cluster,
 * never stopped by the example), else a 1-node embedded cluster started here (Java 17 needed; the
 * first start downloads the Kafka jars from Maven Central).
 */
export async function exampleCluster(): Promise<EmbeddedCluster> {
  const external = Boolean(process.env.EOS_BOOTSTRAP_SERVERS?.trim());
  say(external ? `kafka: using EOS_BOOTSTRAP_SERVERS=${process.env.EOS_BOOTSTRAP_SERVERS}` : 'kafka: starting a 1-node embedded cluster...');
  const cluster = await startCluster({ nodes: 1, log: (m) => say(`kafka: ${m}`) });
  if (!external) say(`kafka: ready at ${cluster.bootstrapServers}`);
  return cluster;
}

/** Creates `topics` (existing ones are left alone) and returns a client for the example's own reads. */
export async function prepareTopics(kind: ClientKind, brokers: string[], topics: NewTopic[]): Promise<KafkaClient> {
  const client = await createClient({ client: kind, brokers });
  const admin = client.admin();
  await admin.connect();
  try {
    await admin.createTopics(topics);
  } finally {
    await admin.disconnect();
  }
  return client;
}

/** Reads `--client` the same way in every example. */
export function clientKind(value: string | undefined): ClientKind {
  if (value === undefined || value === 'kafkajs' || value === 'confluent') return value ?? 'kafkajs';
  throw new Error(`--client must be kafkajs or confluent, got "${value}"`);
}

/** A name unique to this run, so runs against one cluster never see each other's data. */
export function runName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}`;
}

/** Resolves after `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
