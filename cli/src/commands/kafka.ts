import { type Command, InvalidArgumentError } from 'commander';
import { attachCluster, CLUSTER_FILE, DEFAULT_KAFKA_VERSION, prepareKafka } from '@eoskit/kafka-embedded';
import { runKafkaStart } from './kafka-start.js';

/** Where the kafka commands write; tests pass their own. */
export interface KafkaCommandIo {
  out(line: string): void;
  err(line: string): void;
}

const stdio: KafkaCommandIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

/**
 * Adds `eoskit kafka start|stop|restart|fetch`: a real Apache Kafka cluster on 127.0.0.1 from Maven
 * Central jars. Failures throw EoskitError (exit 1 via main); bad arguments are usage errors (exit 2).
 * Built with `program.command()` so the subcommands inherit exitOverride and output settings.
 */
export function registerKafkaCommands(program: Command, io: KafkaCommandIo = stdio): Command {
  const kafka = program.command('kafka').description('Run a real Apache Kafka cluster (KRaft) on 127.0.0.1 from Maven Central jars');

  kafka
    .command('start')
    .description('start a cluster; prints the bootstrap servers on stdout')
    .option('--nodes <n>', 'combined broker+controller nodes (1-9); 3 gives RF 3, min ISR 2', parseNodes, 1)
    .option('--version <version>', 'Kafka release from Maven Central', DEFAULT_KAFKA_VERSION)
    .option('--dir <dir>', 'cluster folder, new or empty (default: a temp folder)')
    .option('--detach', 'return once ready and leave the cluster running (stop it with "eoskit kafka stop --dir")', false)
    .option('--config <key=value>', 'broker setting for every node (repeatable)', collectConfig, {} as Record<string, string>)
    .action((opts: { nodes: number; version: string; dir?: string; detach: boolean; config: Record<string, string> }) =>
      runKafkaStart({ ...opts, io }),
    );

  kafka
    .command('stop')
    .description('stop the cluster recorded in a folder (kills its JVMs)')
    .requiredOption('--dir <dir>', 'the folder given to "eoskit kafka start --dir"')
    .action(async (opts: { dir: string }) => {
      const cluster = attachCluster(opts.dir);
      await cluster.stop();
      io.err(`stopped the Kafka cluster in ${opts.dir}`);
    });

  kafka
    .command('restart')
    .description('restart one node of a detached cluster on the same ports and data')
    .requiredOption('--dir <dir>', 'the folder given to "eoskit kafka start --dir"')
    .requiredOption('--node <id>', 'node id (1..n)', parseNodeId)
    .action(async (opts: { dir: string; node: number }) => {
      const cluster = attachCluster(opts.dir);
      await cluster.restart(opts.node);
      const pid = cluster.nodes.find((n) => n.id === opts.node)?.pid;
      io.err(`node ${opts.node} restarted (pid ${pid}); ${opts.dir}/${CLUSTER_FILE} updated`);
    });

  kafka
    .command('fetch')
    .description('download the broker jars with Maven into the cache (no cluster is left running)')
    .option('--version <version>', 'Kafka release from Maven Central', DEFAULT_KAFKA_VERSION)
    .action(async (opts: { version: string }) => {
      const { jars, cdsArchive } = await prepareKafka({ kafkaVersion: opts.version, retryFailedArchive: true, log: (m) => io.err(m) });
      const mb = (jars.bytes / 1024 / 1024).toFixed(1);
      io.out(`Kafka ${jars.version}: ${jars.jarCount} jars, ${mb} MB in ${jars.dir}${cdsArchive ? ' (with class data archive)' : ''}`);
    });

  return kafka;
}

function parseNodes(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1 || n > 9) throw new InvalidArgumentError('expected a whole number from 1 to 9');
  return n;
}

function parseNodeId(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) < 1) throw new InvalidArgumentError('expected a node id (1, 2, ...)');
  return Number(value);
}

function collectConfig(value: string, previous: Record<string, string>): Record<string, string> {
  const eq = value.indexOf('=');
  if (eq <= 0) throw new InvalidArgumentError(`expected key=value, got "${value}"`);
  return { ...previous, [value.slice(0, eq).trim()]: value.slice(eq + 1).trim() };
}
