import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { EoskitError } from '@eoskit/core';
import { type BrokerConfig, type NodePorts, renderBrokerConfig } from './broker-config.js';
import { checkSaslUsers, type EmbeddedSaslOptions, scramFormatArgs } from './security-listeners.js';
import { makeTlsMaterial } from './tls-material.js';
import { randomClusterId } from './cluster-id.js';
import type { ClusterState } from './cluster-state.js';
import type { EmbeddedCluster } from './embedded-cluster.js';
import { ExternalCluster } from './external-cluster.js';
import { formatStorage } from './format-storage.js';
import { pickFreePorts } from './free-ports.js';
import { type JavaRuntime, resolveJava } from './java.js';
import { brokerJvmArgs, type JvmOptions } from './jvm-args.js';
import { LocalCluster } from './local-cluster.js';
import { loggingConfig } from './logging-config.js';
import { logTail, nodeMarker } from './node-launch.js';
import { currentOwner } from './process-registry.js';
import { reapOrphans } from './reap-orphans.js';
import { ensureKafkaJars, type KafkaJars } from './resolve-jars.js';
import { ensureCdsArchive } from './cds-archive.js';
import { DEFAULT_KAFKA_VERSION, kafkaLine } from './versions.js';

/** Options of {@link startCluster}. */
export interface StartClusterOptions extends JvmOptions {
  /** Number of combined broker+controller nodes, 1 to 9. Default 1. */
  nodes?: number;
  /** Kafka release from Maven Central. Default {@link DEFAULT_KAFKA_VERSION}. */
  kafkaVersion?: string;
  /** Cluster folder (must be empty or new). Default: a temp folder, deleted by stop(). */
  dir?: string;
  /** Broker settings for every node, over eoskit's defaults. */
  brokerConfig?: BrokerConfig;
  /** Broker settings per node id, over `brokerConfig`. */
  nodeConfig?: Record<number, BrokerConfig>;
  /** The JVMs outlive this process (the CLI's `--detach`); only stop() or `eoskit kafka stop` end them. */
  detached?: boolean;
  /** How long to wait for the cluster to serve writes. Default 180 000. */
  startTimeoutMs?: number;
  /** Jar cache root. Default `$EOSKIT_CACHE_DIR` or ~/.cache/eoskit. */
  cacheRoot?: string;
  /** Environment to read (EOS_BOOTSTRAP_SERVERS, JAVA_HOME, PATH, EOSKIT_CACHE_DIR). Default process.env. */
  env?: NodeJS.ProcessEnv;
  /** Start an embedded cluster even when EOS_BOOTSTRAP_SERVERS is set. */
  embeddedOnly?: boolean;
  /** Use (and on first start, make) the class data sharing archive. Default true. */
  classDataSharing?: boolean;
  /** Progress messages (downloads, reaped JVMs). */
  log?: (message: string) => void;
  /**
   * Adds a SASL_PLAINTEXT client listener to every node (`cluster.saslBootstrapServers`) where
   * these users log in with PLAIN, SCRAM-SHA-256 or SCRAM-SHA-512. The PLAINTEXT listener stays.
   * A cluster with SASL or TLS is always embedded (EOS_BOOTSTRAP_SERVERS is ignored).
   */
  sasl?: EmbeddedSaslOptions;
  /**
   * Adds an SSL client listener to every node (`cluster.sslBootstrapServers`) with a certificate
   * for 127.0.0.1 signed by a throwaway CA (`cluster.tlsCa`); needs the `openssl` command.
   */
  tls?: boolean;
}

const MAX_ATTEMPTS = 3;

/**
 * Starts a KRaft cluster on 127.0.0.1 and resolves once every broker is registered and serves
 * acks=all writes. With `EOS_BOOTSTRAP_SERVERS` set (and not `embeddedOnly`) it returns a handle to
 * that external cluster instead. Leftover JVMs of dead processes are reaped first.
 */
export async function startCluster(options: StartClusterOptions = {}): Promise<EmbeddedCluster> {
  const env = options.env ?? process.env;
  const external = env.EOS_BOOTSTRAP_SERVERS?.trim();
  const secured = options.sasl !== undefined || options.tls === true;
  if (external && !options.embeddedOnly && !secured) return new ExternalCluster(external);
  if (options.sasl !== undefined) checkSaslUsers(options.sasl);

  const nodeCount = options.nodes ?? 1;
  if (!Number.isInteger(nodeCount) || nodeCount < 1 || nodeCount > 9) {
    throw new EoskitError('EMBEDDED_KAFKA', `nodes must be a whole number from 1 to 9, got ${nodeCount}`);
  }
  kafkaLine(options.kafkaVersion ?? DEFAULT_KAFKA_VERSION);
  const { dir: requestedDir } = options;
  if (requestedDir !== undefined) checkDirUsable(requestedDir);
  await reapOrphans({ env, ...pick(options, 'log') });
  const { java, jars, cdsArchive } = await prepareKafka({ ...options, env });
  const { dir, ownsDir } = prepareDir(requestedDir);

  for (let attempt = 1; ; attempt++) {
    let cluster: LocalCluster;
    try {
      cluster = await launch({ options, nodeCount, javaPath: java.path, jars, dir, ownsDir, cdsArchive });
    } catch (err) {
      // Storage format failed: no JVM runs yet, only the folder to clean.
      if (ownsDir) rmSync(dir, { recursive: true, force: true });
      throw err;
    }
    try {
      await cluster.waitUntilReady(options.startTimeoutMs ?? 180_000);
      return cluster;
    } catch (err) {
      const logs = cluster.nodes.map((n) => `--- ${n.logFile} (last lines)\n${logTail(n.logFile, 5)}`).join('\n');
      await cluster.stop();
      // A port picked free can be taken before the JVM binds it; pick new ones and go again.
      const portTaken = /Address already in use|BindException/.test((err as Error).message);
      if (!portTaken || attempt >= MAX_ATTEMPTS) {
        // The folder may be gone now (temp dirs are deleted): keep what the logs said.
        if (err instanceof EoskitError && !err.message.includes('exited; last lines')) {
          throw new EoskitError(err.code, `${err.message}\n${logs}`, { cause: err });
        }
        throw err;
      }
      if (!ownsDir) clearDir(dir);
      else mkdirSync(dir, { recursive: true });
    }
  }
}

async function launch(input: {
  options: StartClusterOptions;
  nodeCount: number;
  javaPath: string;
  jars: KafkaJars;
  dir: string;
  ownsDir: boolean;
  cdsArchive: string | undefined;
}): Promise<LocalCluster> {
  const { options, jars, dir } = input;
  const perNode = 2 + (options.sasl ? 1 : 0) + (options.tls ? 1 : 0);
  const ports = await pickFreePorts(input.nodeCount * perNode);
  const nodes: NodePorts[] = Array.from({ length: input.nodeCount }, (_, i) => {
    const mine = ports.slice(perNode * i, perNode * (i + 1));
    const node: NodePorts = { id: i + 1, port: mine.shift() as number, controllerPort: mine.shift() as number };
    if (options.sasl) node.saslPort = mine.shift() as number;
    if (options.tls) node.sslPort = mine.shift() as number;
    return node;
  });
  const tls = options.tls ? await makeTlsMaterial(dir) : undefined;
  const security = { sasl: options.sasl, tls };
  const logging = loggingConfig(jars.line);
  const loggingFile = join(dir, logging.fileName);
  writeFileSync(loggingFile, logging.text);
  const clusterId = randomClusterId();
  const state: ClusterState = {
    kafkaVersion: jars.version,
    clusterId,
    dir,
    ownsDir: input.ownsDir,
    owner: options.detached ? null : currentOwner(),
    nodes: nodes.map((node) => {
      const nodeDir = join(dir, `node-${node.id}`);
      mkdirSync(nodeDir, { recursive: true });
      const configFile = join(nodeDir, 'server.properties');
      const overrides = [options.brokerConfig, options.nodeConfig?.[node.id]];
      writeFileSync(configFile, renderBrokerConfig({ node, nodes, dataDir: join(nodeDir, 'data'), line: jars.line, overrides, security }));
      const marker = nodeMarker(nodeDir);
      const args = brokerJvmArgs({ jars, configFile, loggingFlag: logging.jvmFlag(loggingFile), marker, cdsArchive: input.cdsArchive, options });
      return {
        ...node,
        pid: null,
        nodeDir,
        launch: { java: input.javaPath, args, cwd: nodeDir, logFile: join(nodeDir, 'kafka.log'), marker },
      };
    }),
  };
  await Promise.all(
    state.nodes.map((node) =>
      formatStorage({
        java: input.javaPath,
        jars,
        configFile: join(node.nodeDir, 'server.properties'),
        clusterId,
        loggingFlag: logging.jvmFlag(loggingFile),
        cdsArchive: input.cdsArchive,
        extraArgs: scramFormatArgs(options.sasl),
      }),
    ),
  );
  const cluster = new LocalCluster(state);
  cluster.launchAll();
  return cluster;
}

/** What a node needs before it can start: Java, the jars, and the class data archive if any. */
export interface PreparedKafka {
  java: JavaRuntime;
  jars: KafkaJars;
  cdsArchive: string | undefined;
}

/**
 * Finds Java, resolves the jars (Maven only when not cached) and makes the class data sharing
 * archive if it is missing. `eoskit kafka fetch` calls this alone to fill the cache ahead of time.
 */
export async function prepareKafka(
  options: Pick<StartClusterOptions, 'kafkaVersion' | 'cacheRoot' | 'env' | 'log' | 'classDataSharing'> & { retryFailedArchive?: boolean },
): Promise<PreparedKafka> {
  const env = options.env ?? process.env;
  const version = options.kafkaVersion ?? DEFAULT_KAFKA_VERSION;
  const [java, jars] = await Promise.all([resolveJava(env), ensureKafkaJars({ version, env, ...pick(options, 'cacheRoot', 'log') })]);
  const cdsArchive = await ensureCdsArchive({
    jars,
    java,
    env,
    ...pick(options, 'log'),
    ...(options.classDataSharing === false ? { enabled: false } : {}),
    ...(options.retryFailedArchive ? { retryFailed: true } : {}),
    // A clean exit (SIGTERM) is what makes the JVM write the archive.
    train: async (jvmArgs) => {
      const cluster = await startCluster({ ...pick(options, 'cacheRoot'), env, kafkaVersion: version, embeddedOnly: true, classDataSharing: false, jvmArgs });
      try {
        await cluster.kill(1, 'SIGTERM');
      } finally {
        await cluster.stop();
      }
    },
  });
  return { java, jars, cdsArchive };
}

function checkDirUsable(requested: string): void {
  const dir = resolve(requested);
  if (existsSync(dir) && readdirSync(dir).length > 0) {
    throw new EoskitError('EMBEDDED_KAFKA', `${dir} is not empty; the embedded cluster needs a new or empty folder (stop a cluster there with "eoskit kafka stop --dir ${requested}")`);
  }
}

function prepareDir(requested: string | undefined): { dir: string; ownsDir: boolean } {
  if (requested === undefined) return { dir: mkdtempSync(join(tmpdir(), 'eoskit-kafka-')), ownsDir: true };
  checkDirUsable(requested);
  const dir = resolve(requested);
  mkdirSync(dir, { recursive: true });
  return { dir, ownsDir: false };
}

function clearDir(dir: string): void {
  for (const entry of readdirSync(dir)) rmSync(join(dir, entry), { recursive: true, force: true });
}

function pick<T extends object, K extends keyof T>(obj: T, ...keys: K[]): Partial<Pick<T, K>> {
  const out: Partial<Pick<T, K>> = {};
  for (const key of keys) if (obj[key] !== undefined) out[key] = obj[key];
  return out;
}
