/** One combined broker+controller node of an embedded cluster. */
export interface ClusterNode {
  id: number;
  /** Client port on 127.0.0.1. */
  port: number;
  /** KRaft controller port on 127.0.0.1. */
  controllerPort: number;
  /** SASL_PLAINTEXT port on 127.0.0.1, when started with `sasl`. */
  saslPort?: number;
  /** SSL port on 127.0.0.1, when started with `tls`. */
  sslPort?: number;
  /** Pid of the node's JVM; null while the node is down. */
  pid: number | null;
  /** The JVM's stdout/stderr, i.e. the broker log. */
  logFile: string;
  /** The node's folder (server.properties, data/, the log file). */
  dir: string;
}

/** Options of {@link EmbeddedCluster.waitForHealthy}. */
export interface WaitOptions {
  /** Default 120 000. */
  timeoutMs?: number;
}

/**
 * A running Kafka cluster: embedded (JVMs this package started) or external (`EOS_BOOTSTRAP_SERVERS`).
 * Fault methods need the embedded cluster and throw an `EMBEDDED_KAFKA` error on an external one.
 */
export interface EmbeddedCluster {
  /** `127.0.0.1:p1,127.0.0.1:p2,...`, ready for a client's `bootstrap.servers`. */
  readonly bootstrapServers: string;
  /** The same as a list. */
  readonly brokers: string[];
  /** The SASL_PLAINTEXT listeners (`127.0.0.1:p,...`), when started with `sasl`; undefined otherwise. */
  readonly saslBootstrapServers?: string | undefined;
  /** The SSL listeners (`127.0.0.1:p,...`), when started with `tls`; undefined otherwise. */
  readonly sslBootstrapServers?: string | undefined;
  /** PEM of the CA that signed the SSL listeners' certificate (for `ssl: { ca }`), when started with `tls`. */
  readonly tlsCa?: string | undefined;
  /** e.g. "4.4.0"; "external" for an external cluster. */
  readonly kafkaVersion: string;
  /** True when this is the `EOS_BOOTSTRAP_SERVERS` cluster. */
  readonly external: boolean;
  /** The cluster folder (holds cluster.json and one folder per node); undefined when external. */
  readonly dir: string | undefined;
  /** The nodes (empty when external). */
  readonly nodes: readonly ClusterNode[];
  /** Kills every node and waits for the JVMs to exit; deletes the folder if eoskit created it. */
  stop(): Promise<void>;
  /** Sends `signal` (default SIGKILL) to a node and, unless it is SIGSTOP/SIGCONT, waits for exit. */
  kill(nodeId: number, signal?: NodeJS.Signals): Promise<void>;
  /**
   * Starts a node again on the same ports and data (stopping it first with SIGTERM if it runs) and
   * waits until it is a registered broker. Follow with {@link waitForHealthy} to await catch-up.
   */
  restart(nodeId: number): Promise<void>;
  /** Freezes a node (SIGSTOP): it keeps its sockets but answers nothing. */
  pause(nodeId: number): Promise<void>;
  /** Unfreezes a paused node (SIGCONT). */
  resume(nodeId: number): Promise<void>;
  /** Waits until all brokers are registered and no partition is under-replicated. */
  waitForHealthy(options?: WaitOptions): Promise<void>;
}
