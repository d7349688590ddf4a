/** Replication settings a cluster of `brokers` can meet, and why when it cannot meet the usual 3/2. */
export interface Replication {
  rf: number;
  minIsr: number;
  /** Set below 3 brokers: the reason the lint suppressions give. */
  compromise?: string;
}

/** RF 3 and min.insync.replicas 2 from 3 brokers up; the most a smaller cluster allows, said so. */
export function replicationFor(brokers: number): Replication {
  if (brokers >= 3) return { rf: 3, minIsr: 2 };
  if (brokers === 2) return { rf: 2, minIsr: 1, compromise: '2 brokers: min.insync.replicas=2 of 2 would stop all writes while either broker is down' };
  return { rf: 1, minIsr: 1, compromise: 'single-broker development cluster: there is no replica to wait for' };
}

/** `kafka-1:9092,kafka-2:9092,...` */
export function bootstrapServers(brokers: number): string {
  return Array.from({ length: Math.min(brokers, 3) }, (_, i) => `kafka-${i + 1}:9092`).join(',');
}

/** A suppression comment for the rules a small cluster cannot satisfy (none from 3 brokers up). */
function allow(r: Replication, rules: string): string {
  return r.compromise ? `# eos-lint-disable-next-line ${rules} -- ${r.compromise}\n` : '';
}

/** server.properties of one KRaft broker of the cluster, commented. */
export function brokerProperties(brokers: number): string {
  const r = replicationFor(brokers);
  const voters = Array.from({ length: brokers }, (_, i) => `${i + 1}@kafka-${i + 1}:9093`).join(',');
  return `# KRaft broker of a ${brokers}-broker cluster (the count is declared in eos.yaml).
# Copy this file to every broker and give each its own node.id.
process.roles=broker,controller
node.id=1
controller.quorum.voters=${voters}
listeners=PLAINTEXT://:9092,CONTROLLER://:9093
controller.listener.names=CONTROLLER
log.dirs=/var/lib/kafka/data

# Durability: a write is acknowledged once min.insync.replicas replicas have it (producers use acks=all).
${allow(r, 'default-replication-factor-below-3')}default.replication.factor=${r.rf}
${allow(r, 'min-insync-replicas-too-low')}min.insync.replicas=${r.minIsr}
unclean.leader.election.enable=false
# Topics are created on purpose, with their replication factor; a typo must not create one.
auto.create.topics.enable=false

# Internal topics of consumer groups and transactions: as replicated as the cluster allows.
${allow(r, 'offsets-topic-rf-below-3')}offsets.topic.replication.factor=${r.rf}
transaction.state.log.replication.factor=${r.rf}
transaction.state.log.min.isr=${r.minIsr}
# The longest transaction.timeout.ms a client may ask for (15 min, the default, stated for the linter).
transaction.max.timeout.ms=900000
`;
}

/** eos.yaml: the files, their roles, the broker count and what feeds what. */
export function manifestYaml(brokers: number, files: Array<{ path: string; role?: string; name?: string; dialect?: string }>, feeds: Array<[string, string]>): string {
  const file = (f: (typeof files)[number]) =>
    `  - { path: ${f.path}${f.role ? `, role: ${f.role}` : ''}${f.dialect ? `, dialect: ${f.dialect}` : ''}${f.name ? `, name: ${f.name}` : ''} }`;
  return `# The pipeline eos-lint checks as a whole: run \`eos-lint .\` (or \`eos-lint --interactive .\`) here.
brokers: ${brokers}
files:
${files.map(file).join('\n')}
${feeds.length > 0 ? `feeds:\n${feeds.map(([from, to]) => `  - { from: ${from}, to: ${to} }`).join('\n')}\n` : ''}`;
}
