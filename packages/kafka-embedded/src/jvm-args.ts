import type { KafkaJars } from './resolve-jars.js';

/** JVM settings of broker nodes. */
export interface JvmOptions {
  /** Max heap per node in MiB. Default 512. */
  heapMb?: number;
  /** Extra JVM arguments, appended after eoskit's. */
  jvmArgs?: readonly string[];
}

/**
 * Flags for a broker on a small machine: a small heap, and C1-only JIT (measured on 2 cores: a
 * 3-node start drops from ~12.8 s to ~8.3 s, and produce throughput in the first minutes is higher
 * too, because C2 compiler threads no longer compete with three brokers for the cores). Pass
 * `-XX:TieredStopAtLevel=4` in `jvmArgs` for full tiered compilation on long runs.
 */
export function brokerJvmArgs(input: {
  jars: KafkaJars;
  configFile: string;
  loggingFlag: string;
  marker: string;
  cdsArchive?: string | undefined;
  options?: JvmOptions;
}): string[] {
  const heap = input.options?.heapMb ?? 512;
  return [
    `-Xms${Math.min(heap, 128)}m`,
    `-Xmx${heap}m`,
    ...BROKER_FLAGS,
    ...(input.cdsArchive ? [`-XX:SharedArchiveFile=${input.cdsArchive}`] : []),
    input.marker,
    input.loggingFlag,
    ...(input.options?.jvmArgs ?? []),
    '-cp',
    input.jars.classpath,
    'kafka.Kafka',
    input.configFile,
  ];
}

/** The broker flags besides heap, marker and logging. */
export const BROKER_FLAGS: readonly string[] = [
  '-XX:+UseG1GC',
  '-XX:MaxGCPauseMillis=20',
  '-XX:TieredStopAtLevel=1',
  '-Djava.awt.headless=true',
];

/**
 * Flags for short-lived tool JVMs (`StorageTool format`): C1 only and a small heap, since they run
 * for about a second and never reach the point where C2 pays off.
 */
export function toolJvmArgs(input: { jars: KafkaJars; loggingFlag: string; cdsArchive?: string | undefined }): string[] {
  return [
    '-Xmx256m',
    '-XX:TieredStopAtLevel=1',
    '-XX:+UseSerialGC',
    ...(input.cdsArchive ? [`-XX:SharedArchiveFile=${input.cdsArchive}`] : []),
    input.loggingFlag,
    '-cp',
    input.jars.classpath,
  ];
}
