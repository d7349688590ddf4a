import type { Command } from 'commander';
import { processorFlags, runProcessorCommand, type ProcessorCommandOptions } from './processor-command.js';

/**
 * Adds `eoskit copy`: a transactional copier like Kafka's own
 * TransactionalMessageCopier. Every input record is written to the output
 * with the same key, value and headers (partitioned by key). Exit codes: 0
 * once idle with everything committed (or on SIGTERM), 1 when the processor
 * failed, 2 for bad arguments.
 */
export function registerCopyCommand(program: Command): Command {
  return processorFlags(
    program.command('copy').description('copy a topic exactly once (transactional copier; --abort-ratio aborts some transactions on purpose)'),
  ).action((opts: ProcessorCommandOptions) =>
    runProcessorCommand('copy', opts, (event) => ({ topic: opts.output, key: event.key, value: event.value, headers: event.headers })),
  );
}
