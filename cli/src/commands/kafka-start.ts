import { startCluster } from '@eoskit/kafka-embedded';
import type { KafkaCommandIo } from './kafka.js';

/** Options of `eoskit kafka start`. */
export interface KafkaStartOptions {
  nodes: number;
  version: string;
  dir?: string;
  detach: boolean;
  config: Record<string, string>;
  io: KafkaCommandIo;
}

/**
 * Starts the cluster. Detached: returns once it serves writes and leaves the JVMs running.
 * Otherwise: runs until SIGINT/SIGTERM, then stops the cluster (a second Ctrl-C exits at once).
 */
export async function runKafkaStart(opts: KafkaStartOptions): Promise<void> {
  const { io } = opts;
  let stopRequested = false;
  let wake: () => void = () => undefined;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopRequested) {
      // Second signal: give up waiting; the next start reaps whatever is left.
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
      process.kill(process.pid, signal);
      return;
    }
    stopRequested = true;
    wake();
  };
  if (!opts.detach) {
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
  }
  try {
    const started = Date.now();
    const cluster = await startCluster({
      nodes: opts.nodes,
      kafkaVersion: opts.version,
      detached: opts.detach,
      brokerConfig: opts.config,
      embeddedOnly: true,
      log: (m) => io.err(m),
      ...(opts.dir !== undefined ? { dir: opts.dir } : {}),
    });
    io.out(cluster.bootstrapServers);
    const seconds = ((Date.now() - started) / 1000).toFixed(1);
    io.err(`Kafka ${cluster.kafkaVersion}, ${opts.nodes} node(s) ready in ${seconds} s; cluster folder ${cluster.dir}`);
    if (opts.detach) {
      io.err(`stop it with: eoskit kafka stop --dir ${cluster.dir}`);
      return;
    }
    io.err('press Ctrl-C to stop');
    // Signal listeners and the unref'd JVMs do not keep Node running; this timer does.
    const keepAlive = setInterval(() => undefined, 1 << 30);
    if (!stopRequested) await new Promise<void>((resolve) => (wake = resolve));
    clearInterval(keepAlive);
    io.err('stopping the Kafka cluster');
    await cluster.stop();
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}
