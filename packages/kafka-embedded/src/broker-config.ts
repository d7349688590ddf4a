import { stringify } from 'dot-properties';
import { EoskitError } from '@eoskit/core';
import { type EmbeddedSaslOptions, type ListenerTls, securityBrokerConfig, securityListeners } from './security-listeners.js';
import type { KafkaLine } from './versions.js';

/** Broker/controller settings (`server.properties` keys). Numbers and booleans are written as text. */
export type BrokerConfig = Record<string, string | number | boolean>;

/** The two ports of one combined broker+controller node. */
export interface NodePorts {
  id: number;
  /** Client listener (PLAINTEXT). */
  port: number;
  /** KRaft controller listener. */
  controllerPort: number;
  /** SASL_PLAINTEXT client listener, when the cluster has SASL users. */
  saslPort?: number;
  /** SSL client listener, when the cluster has TLS. */
  sslPort?: number;
}

/** Keys the cluster sets from its topology; overriding them would break ports, quorum or storage. */
export const MANAGED_KEYS: readonly string[] = [
  'process.roles',
  'node.id',
  'controller.quorum.voters',
  'controller.quorum.bootstrap.servers',
  'listeners',
  'advertised.listeners',
  'controller.listener.names',
  'inter.broker.listener.name',
  'listener.security.protocol.map',
  'log.dirs',
  'log.dir',
  'metadata.log.dir',
];

/**
 * Defaults sized to the node count: with 3+ nodes every topic, the offsets topic and the
 * transaction state log get RF 3 and min ISR 2, so one node may die without losing acks=all writes;
 * with fewer nodes RF is the node count and min ISR 1.
 */
export function defaultBrokerConfig(nodeCount: number, line: KafkaLine): BrokerConfig {
  const rf = Math.min(nodeCount, 3);
  const minIsr = rf >= 3 ? 2 : 1;
  const config: BrokerConfig = {
    'default.replication.factor': rf,
    'min.insync.replicas': minIsr,
    'offsets.topic.replication.factor': rf,
    'transaction.state.log.replication.factor': rf,
    'transaction.state.log.min.isr': minIsr,
    // Fewer coordinator partitions (Kafka's default is 50 each): creating them on first use is
    // what makes the first consumer group or transactional producer slow on a 2-core machine.
    'offsets.topic.num.partitions': 10,
    'transaction.state.log.num.partitions': 10,
    'unclean.leader.election.enable': false,
    // Tests start consumers right away; Kafka's 3 s grace for more members only costs time.
    'group.initial.rebalance.delay.ms': 0,
    // Let tests use short consumer sessions (Kafka's floor is 6 s).
    'group.min.session.timeout.ms': 1000,
    // Abort a transaction shortly after its timeout expires (Kafka checks every 10 s).
    'transaction.abort.timed.out.transaction.cleanup.interval.ms': 1000,
    // A killed node is fenced and leaves the ISR after this long (Kafka's default is 9 s).
    'broker.session.timeout.ms': 6000,
    'broker.heartbeat.interval.ms': 1000,
  };
  if (line >= 4) {
    // Share groups (KIP-932) keep state in an internal topic that wants RF 3 by default.
    config['share.coordinator.state.topic.replication.factor'] = rf;
    config['share.coordinator.state.topic.min.isr'] = minIsr;
    config['share.coordinator.state.topic.num.partitions'] = 10;
  }
  return config;
}

/** Everything that decides one node's `server.properties`. */
export interface RenderConfigInput {
  node: NodePorts;
  nodes: readonly NodePorts[];
  /** Kafka's `log.dirs` (partition data and the KRaft metadata log). */
  dataDir: string;
  line: KafkaLine;
  /** Cluster-wide overrides, then this node's. Later wins. */
  overrides?: readonly (BrokerConfig | undefined)[];
  /** SASL users and TLS keystore of the extra listeners (security-listeners.ts). */
  security?: { sasl?: EmbeddedSaslOptions | undefined; tls?: ListenerTls | undefined };
}

/** The node's effective settings: topology, then {@link defaultBrokerConfig}, then overrides. */
export function brokerConfig(input: RenderConfigInput): BrokerConfig {
  const { node, nodes } = input;
  const security = { ...input.security, saslPort: node.saslPort, sslPort: node.sslPort };
  const extra = securityListeners(security);
  const protocols = extra.map((l) => l.split(':')[0]).map((name) => `,${name}:${name}`).join('');
  const config: BrokerConfig = {
    'process.roles': 'broker,controller',
    'node.id': node.id,
    'controller.quorum.voters': nodes.map((n) => `${n.id}@127.0.0.1:${n.controllerPort}`).join(','),
    listeners: [`PLAINTEXT://127.0.0.1:${node.port}`, `CONTROLLER://127.0.0.1:${node.controllerPort}`, ...extra].join(','),
    'advertised.listeners': [`PLAINTEXT://127.0.0.1:${node.port}`, ...extra].join(','),
    'controller.listener.names': 'CONTROLLER',
    'inter.broker.listener.name': 'PLAINTEXT',
    'listener.security.protocol.map': `CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT${protocols}`,
    'log.dirs': input.dataDir,
    ...defaultBrokerConfig(nodes.length, input.line),
    ...securityBrokerConfig(security),
  };
  for (const overrides of input.overrides ?? []) {
    for (const [key, value] of Object.entries(overrides ?? {})) {
      if (MANAGED_KEYS.includes(key)) {
        throw new EoskitError('EMBEDDED_KAFKA', `broker config key "${key}" is set by the embedded cluster (ports, quorum and storage) and cannot be overridden`);
      }
      config[key] = value;
    }
  }
  return config;
}

/** `server.properties` text for {@link brokerConfig}. */
export function renderBrokerConfig(input: RenderConfigInput): string {
  const lines: (string | string[])[] = [`# node ${input.node.id}, written by @eoskit/kafka-embedded`];
  for (const [key, value] of Object.entries(brokerConfig(input))) lines.push([key, String(value)]);
  return `${stringify(lines, { lineWidth: null, keySep: '=' })}\n`;
}
