import { type Command, Option } from 'commander';
import { CommandExit } from '../command-exit.js';
import { runDemoCommand } from '../demo/demo-command.js';
import { DEFAULT_RECORDS, parseNodes, parseRecords, resolveDemoOptions, type RawDemoFlags } from '../demo/demo-options.js';

/**
 * Adds `eoskit demo` (what `npm start` runs): an embedded cluster, then an
 * exactly-once and an at-least-once pipeline (writer -> processor -> reader)
 * under the same SIGKILLs and broker bounce, then the proof. Exit codes: 0
 * when the exactly-once pipeline delivered every event once, 1 otherwise or
 * on failure, 2 for bad options, 130 when interrupted.
 */
export function registerDemoCommand(program: Command): Command {
  return program
    .command('demo')
    .description('exactly-once vs at-least-once under SIGKILLs and a broker bounce, on an embedded Kafka cluster')
    .option('--records <n>', 'events each pipeline writes (100-1000000)', parseRecords, DEFAULT_RECORDS)
    .addOption(new Option('--client <client>', 'Kafka client library').choices(['kafkajs', 'confluent']).default('kafkajs'))
    .option('--nodes <n>', 'cluster size: 3 (RF 3, min ISR 2) or 1', parseNodes, 3)
    .option('--plain', 'plain lines even on a terminal', false)
    .option('--json', 'print the final summary as one JSON line on stdout (progress goes to stderr)', false)
    .option('--no-faults', 'kill nothing (the at-least-once pipeline then has no reason to duplicate)')
    .option('--dir <dir>', 'keep the cluster data and logs here (default: a temp folder, removed after a good run)')
    .action(async (flags: RawDemoFlags) => {
      const code = await runDemoCommand(resolveDemoOptions(flags, process.env, process.stdout.isTTY === true));
      if (code !== 0) throw new CommandExit(code);
    });
}
