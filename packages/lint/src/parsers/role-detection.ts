import type { ConfigUnit, ParseOptions, Role } from '../model.js';

/** A role and how it was decided. */
export interface RoleDecision {
  role: Role;
  source: ConfigUnit['roleSource'];
}

/** File-name words that name a role; a name matching two roles names none. */
const NAME_PATTERNS: [Role, RegExp][] = [
  ['flink', /flink/],
  ['streams', /streams?([^a-z]|$)/],
  ['producer', /producer/],
  ['consumer', /consumer/],
  ['broker', /(^|[^a-z])(server|broker|kraft|controller)([^a-z]|$)/],
  ['topic', /(^|[^a-z])topics?([^a-z]|$)/],
];

/**
 * The role a file's name announces: `producer.properties`, `server.properties`,
 * `my-consumer.yaml`, `streams.properties`, `flink-conf.yaml`, `topic-orders.properties`.
 */
export function roleFromFileName(file: string): Role | undefined {
  const base = (file.split(/[\\/]/).pop() ?? file).toLowerCase().replace(/\.[a-z0-9]+$/, '');
  const hits = NAME_PATTERNS.filter(([, re]) => re.test(base)).map(([role]) => role);
  return hits.length === 1 ? hits[0] : undefined;
}

/** Keys only one role has; any of them settles the role. */
const DECISIVE: [Role, Set<string>][] = [
  ['streams', new Set(['application.id', 'processing.guarantee', 'num.stream.threads', 'default.key.serde', 'default.value.serde', 'state.dir', 'num.standby.replicas', 'topology.optimization'])],
  ['broker', new Set(['broker.id', 'node.id', 'process.roles', 'log.dirs', 'log.dir', 'zookeeper.connect', 'listeners', 'advertised.listeners', 'controller.quorum.voters', 'controller.quorum.bootstrap.servers', 'controller.listener.names', 'inter.broker.listener.name', 'transaction.state.log.replication.factor', 'transaction.state.log.min.isr', 'offsets.topic.replication.factor', 'transaction.max.timeout.ms', 'transactional.id.expiration.ms', 'default.replication.factor', 'auto.create.topics.enable', 'num.partitions'])],
];

/** Keys that lean towards a role; the role with most of them wins. */
const LEANING: Record<Role, string[]> = {
  producer: ['acks', 'enable.idempotence', 'transactional.id', 'transaction.timeout.ms', 'key.serializer', 'value.serializer', 'linger.ms', 'batch.size', 'buffer.memory', 'max.in.flight.requests.per.connection', 'max.in.flight', 'delivery.timeout.ms', 'retries', 'max.block.ms', 'partitioner.class', 'enable.gapless.guarantee', 'queue.buffering.max.ms', 'message.timeout.ms', 'request.required.acks'],
  consumer: ['group.id', 'isolation.level', 'enable.auto.commit', 'auto.offset.reset', 'key.deserializer', 'value.deserializer', 'max.poll.records', 'max.poll.interval.ms', 'fetch.min.bytes', 'fetch.max.wait.ms', 'session.timeout.ms', 'heartbeat.interval.ms', 'auto.commit.interval.ms', 'partition.assignment.strategy', 'group.instance.id', 'group.protocol', 'enable.auto.offset.store'],
  streams: ['commit.interval.ms', 'replication.factor', 'statestore.cache.max.bytes', 'cache.max.bytes.buffering', 'default.deserialization.exception.handler', 'default.production.exception.handler'],
  broker: ['min.insync.replicas', 'unclean.leader.election.enable', 'producer.id.expiration.ms', 'log.retention.hours', 'log.retention.ms', 'log.segment.bytes', 'num.network.threads', 'num.io.threads', 'group.initial.rebalance.delay.ms', 'transaction.partition.verification.enable'],
  topic: ['cleanup.policy', 'retention.ms', 'retention.bytes', 'segment.bytes', 'segment.ms', 'max.message.bytes', 'min.compaction.lag.ms', 'delete.retention.ms', 'message.timestamp.type', 'min.insync.replicas', 'unclean.leader.election.enable'],
  flink: ['parallelism.default', 'connector', 'sink.delivery-guarantee', 'sink.transactional-id-prefix', 'scan.startup.mode', 'state.checkpoints.dir'],
};

const LEANING_SETS = Object.entries(LEANING).map(([role, keys]) => [role as Role, new Set(keys)] as const);
const FLINK_PREFIX = /^(execution\.|state\.backend|taskmanager\.|jobmanager\.|restart-strategy|high-availability|pipeline\.|rest\.)/;
const STREAMS_PREFIX = /^(producer|consumer|main\.consumer|restore\.consumer|global\.consumer|admin|topic)\./;

/** The role a set of normalized keys points to, or undefined when they do not tell. */
export function roleFromKeys(keys: Iterable<string>): Role | undefined {
  const score = new Map<Role, number>();
  const bump = (role: Role): void => void score.set(role, (score.get(role) ?? 0) + 1);
  for (const key of keys) {
    for (const [role, set] of DECISIVE) if (set.has(key)) return role;
    for (const [role, set] of LEANING_SETS) if (set.has(key)) bump(role);
    if (FLINK_PREFIX.test(key)) bump('flink');
    else if (STREAMS_PREFIX.test(key) && !LEANING.broker.includes(key)) bump('streams');
  }
  let best: Role | undefined;
  let bestScore = 0;
  let tie = false;
  for (const [role, n] of score) {
    if (n > bestScore) [best, bestScore, tie] = [role, n, false];
    else if (n === bestScore) tie = true;
  }
  return tie ? undefined : best;
}

/**
 * Decides a unit's role: `options.role` first, then the file name, then the
 * keys. Undefined when nothing tells (the caller reports it).
 */
export function decideRole(file: string, keys: Iterable<string>, options: ParseOptions | undefined): RoleDecision | undefined {
  if (options?.role !== undefined) return { role: options.role, source: 'explicit' };
  const byName = roleFromFileName(file);
  if (byName !== undefined) return { role: byName, source: 'file-name' };
  const byKeys = roleFromKeys(keys);
  return byKeys === undefined ? undefined : { role: byKeys, source: 'keys' };
}
