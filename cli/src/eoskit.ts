import { Command, CommanderError } from 'commander';
import { EoskitError } from '@eoskit/core';
import { registerKafkaCommands } from './commands/kafka.js';
import { CommandExit } from './command-exit.js';
import { clientErrorLine } from './client-error.js';
import { registerConsumeCommand } from './commands/consume.js';
import { registerVerifyCommand } from './commands/verify.js';
import { registerProduceCommand } from './commands/produce.js';
import { registerCopyCommand } from './commands/copy.js';
import { registerCountCommand } from './commands/count.js';
import { registerDemoCommand } from './commands/demo.js';

/**
 * Runs the `eoskit` command line and returns the exit code. Never calls
 * `process.exit`: the bin shim sets `process.exitCode`.
 */
export async function main(argv: string[]): Promise<number> {
  const program = new Command('eoskit')
    .description('Exactly-once with Apache Kafka: embedded cluster, produce/consume/copy/count/verify tools and the demo.')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerKafkaCommands(program);
  registerConsumeCommand(program);
  registerVerifyCommand(program);
  registerProduceCommand(program);
  registerCopyCommand(program);
  registerCountCommand(program);
  registerDemoCommand(program);
  try {
    await program.parseAsync(argv, { from: 'user' });
    return 0;
  } catch (err) {
    if (err instanceof CommanderError) return err.exitCode === 0 ? 0 : 2;
    if (err instanceof CommandExit) return err.exitCode;
    // Failures eoskit understands get one line, no stack trace.
    if (err instanceof EoskitError) {
      process.stderr.write(`eoskit: ${err.message}\n`);
      return 1;
    }
    const clientError = clientErrorLine(err);
    if (clientError !== undefined) {
      process.stderr.write(`eoskit: ${clientError}\n`);
      return 1;
    }
    throw err;
  }
}
