import { type Command, Option } from 'commander';
import { createClient } from '@eoskit/core';
import type { ClientKind } from '@eoskit/core';
import { verifyCopy, verifyWriter } from '@eoskit/reader';
import type { VerifyReport } from '@eoskit/reader';
import { CommandExit } from '../command-exit.js';
import { parseBootstrap, parseWholeNumber } from './consume-parsers.js';
import { securityFlags, type WithSecurity } from './security-flags.js';

interface VerifyOptions extends WithSecurity {
  bootstrap: string[];
  client: ClientKind;
  input?: string;
  output?: string;
  topic?: string;
  writer?: string;
  count?: number;
  dedup: boolean;
}

/**
 * Adds `eoskit verify`: reads topics read_committed and prints
 * `{ records, unique, duplicates, missing, outOfOrder, unexpected, exact }`.
 * Exit 0 only when exact, 1 otherwise, 2 for bad arguments.
 *
 * - `--input T1 --output T2`: T2 must hold each (key, value) of T1 exactly as
 *   often as T1 does, in T1's order per key.
 * - `--topic T --writer W --count N`: T must hold sequences 0..N-1 of writer W
 *   exactly once, in increasing order within each partition (`--dedup`: after
 *   dropping the repeats the sequence reader drops).
 */
export function registerVerifyCommand(program: Command): Command {
  return securityFlags(
    program
      .command('verify')
      .description('check that a copy is exact (--input/--output) or that a writer\'s sequences are all there once (--topic/--writer/--count)')
      .requiredOption('--bootstrap <servers>', 'host:port[,host:port...]', parseBootstrap)
      .addOption(new Option('--client <client>', 'Kafka client library').choices(['kafkajs', 'confluent']).default('kafkajs'))
      .option('--input <topic>', 'the topic that was copied')
      .option('--output <topic>', 'the copy')
      .option('--topic <topic>', 'a topic written by an eoskit writer')
      .option('--writer <id>', 'the writer id')
      .option('--count <n>', 'sequences 0..n-1 are expected', parseWholeNumber)
      .option('--dedup', 'drop repeats as the sequence-dedup reader would before checking', false),
  ).action((opts: VerifyOptions, cmd: Command) => runVerify(opts, (message) => cmd.error(`error: ${message}`, { exitCode: 2 })));
}

async function runVerify(opts: VerifyOptions, usage: (message: string) => never): Promise<void> {
  const copyForm = opts.input !== undefined || opts.output !== undefined;
  const writerForm = opts.topic !== undefined || opts.writer !== undefined || opts.count !== undefined;
  if (copyForm === writerForm) {
    usage('give either --input and --output, or --topic, --writer and --count');
  }
  const client = await createClient({ client: opts.client, brokers: opts.bootstrap, ...opts.security });
  let report: VerifyReport;
  try {
    if (copyForm) {
      if (opts.input === undefined || opts.output === undefined) usage('--input and --output go together');
      report = await verifyCopy({ client, input: opts.input, output: opts.output });
    } else {
      if (opts.topic === undefined || opts.writer === undefined || opts.count === undefined) {
        usage('--topic, --writer and --count go together');
      }
      report = await verifyWriter({ client, topic: opts.topic, writerId: opts.writer, count: opts.count, dedup: opts.dedup });
    }
  } finally {
    await client.close();
  }
  process.stdout.write(`${JSON.stringify(report)}\n`);
  if (!report.exact) throw new CommandExit(1);
}
