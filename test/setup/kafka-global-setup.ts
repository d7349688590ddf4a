import type { TestProject } from 'vitest/node';

/**
 * Placeholder until packages/kafka-embedded lands: honours EOS_BOOTSTRAP_SERVERS only.
 * The real setup starts one shared 1-node and one shared 3-node embedded cluster.
 */
export default async function setup(project: TestProject): Promise<void> {
  const external = process.env.EOS_BOOTSTRAP_SERVERS;
  if (!external) throw new Error('no embedded cluster yet: set EOS_BOOTSTRAP_SERVERS');
  const info = { bootstrapServers: external, kafkaVersion: 'external', nodes: 0 };
  project.provide('kafka1', info);
  project.provide('kafka3', info);
}
