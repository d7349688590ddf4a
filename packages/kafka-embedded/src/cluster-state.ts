import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EoskitError } from '@eoskit/core';
import type { NodeLaunch } from './node-launch.js';
import type { ProcessOwner } from './process-registry.js';

/** One node as recorded on disk. */
export interface NodeState {
  id: number;
  port: number;
  controllerPort: number;
  /** SASL_PLAINTEXT listener port, when the cluster has one. */
  saslPort?: number;
  /** SSL listener port, when the cluster has one. */
  sslPort?: number;
  /** Pid of the running JVM, null while the node is down. */
  pid: number | null;
  nodeDir: string;
  launch: NodeLaunch;
}

/** A cluster as recorded in its folder, enough for another process to stop or restart it. */
export interface ClusterState {
  kafkaVersion: string;
  clusterId: string;
  dir: string;
  /** True when eoskit created the folder (a temp dir) and deletes it on stop. */
  ownsDir: boolean;
  /** Who the JVMs belong to; null when detached (they outlive the starting process). */
  owner: ProcessOwner | null;
  nodes: NodeState[];
}

/** The public summary `cluster.json` (documented format; pid is null for a node that is down). */
export interface ClusterFile {
  bootstrapServers: string;
  /** The SASL_PLAINTEXT listeners, when the cluster was started with SASL users. */
  saslBootstrapServers?: string;
  /** The SSL listeners, when the cluster was started with TLS. */
  sslBootstrapServers?: string;
  kafkaVersion: string;
  nodes: { id: number; pid: number | null; port: number; logFile: string }[];
}

/** File names inside a cluster folder. */
export const CLUSTER_FILE = 'cluster.json';
export const STATE_FILE = '.eoskit-cluster-state.json';

/** `127.0.0.1:p1,127.0.0.1:p2,...` */
export function bootstrapServersOf(state: Pick<ClusterState, 'nodes'>, listener: 'port' | 'saslPort' | 'sslPort' = 'port'): string {
  return state.nodes.map((n) => `127.0.0.1:${n[listener] ?? ''}`).join(',');
}

/** The SASL or SSL bootstrap servers; undefined when the cluster has no such listener. */
export function securityBootstrapServersOf(state: Pick<ClusterState, 'nodes'>, listener: 'saslPort' | 'sslPort'): string | undefined {
  return state.nodes.every((n) => n[listener] !== undefined) && state.nodes.length > 0 ? bootstrapServersOf(state, listener) : undefined;
}

/** The public summary of a state. */
export function clusterFileOf(state: ClusterState): ClusterFile {
  const sasl = securityBootstrapServersOf(state, 'saslPort');
  const ssl = securityBootstrapServersOf(state, 'sslPort');
  return {
    bootstrapServers: bootstrapServersOf(state),
    ...(sasl === undefined ? {} : { saslBootstrapServers: sasl }),
    ...(ssl === undefined ? {} : { sslBootstrapServers: ssl }),
    kafkaVersion: state.kafkaVersion,
    nodes: state.nodes.map((n) => ({ id: n.id, pid: n.pid, port: n.port, logFile: n.launch.logFile })),
  };
}

/** Writes the state and `cluster.json`, each atomically (temp file + rename). */
export function writeClusterState(state: ClusterState): void {
  writeAtomic(join(state.dir, STATE_FILE), state);
  writeAtomic(join(state.dir, CLUSTER_FILE), clusterFileOf(state));
}

/** Reads the state of the cluster in `dir`; an `EMBEDDED_KAFKA` error when there is none. */
export function readClusterState(dir: string): ClusterState {
  let text: string;
  try {
    text = readFileSync(join(dir, STATE_FILE), 'utf8');
  } catch {
    throw new EoskitError('EMBEDDED_KAFKA', `${dir} holds no embedded Kafka cluster (no ${CLUSTER_FILE} written by "eoskit kafka start")`);
  }
  try {
    return JSON.parse(text) as ClusterState;
  } catch (err) {
    throw new EoskitError('EMBEDDED_KAFKA', `${join(dir, STATE_FILE)} is not valid JSON`, { cause: err });
  }
}

function writeAtomic(path: string, value: unknown): void {
  const tmp = `${path}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(value, null, 2)}\n`);
  renameSync(tmp, path);
}
