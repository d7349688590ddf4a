/** What the integration global setup hands to every test file through `inject()`. */
export interface SharedClusterInfo {
  /** `host:port,...` */
  bootstrapServers: string;
  kafkaVersion: string;
  /** Broker count; 0 when the cluster is external (EOS_BOOTSTRAP_SERVERS). */
  nodes: number;
}

declare module 'vitest' {
  export interface ProvidedContext {
    /** Shared 1-node cluster. Never kill its nodes: other suites use it. */
    kafka1: SharedClusterInfo;
    /** Shared 3-node cluster (RF 3, min ISR 2). Never kill its nodes: other suites use it. */
    kafka3: SharedClusterInfo;
  }
}
