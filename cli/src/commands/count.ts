import type { Command } from 'commander';
import { processorFlags, runProcessorCommand, type ProcessorCommandOptions } from './processor-command.js';

/**
 * Adds `eoskit count`: for every input record, one output record with the
 * same key and the value `{"key":"<key>","count":<running count for that
 * key>}`. Counts live in the processor's keyed state (per input partition;
 * a key always hashes to one partition), so under exactly-once each key's
 * outputs read 1, 2, ..., n however often the process is killed. A null key
 * counts as the empty string. Exit codes as `eoskit copy`.
 */
export function registerCountCommand(program: Command): Command {
  return processorFlags(
    program.command('count').description('emit a running count per key for every input record, exactly once'),
  ).action((opts: ProcessorCommandOptions) =>
    runProcessorCommand('count', opts, (event, ctx) => {
      const key = event.key?.toString('utf8') ?? '';
      const count = (ctx.state.get<number>(key) ?? 0) + 1;
      ctx.state.put(key, count);
      return { topic: opts.output, key: event.key, value: JSON.stringify({ key, count }) };
    }),
  );
}
