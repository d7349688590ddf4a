import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { INIT_CLIENTS } from './init-clients.js';
import type { InitClient } from './init-types.js';

/** `eos-lint init` options. */
export interface InitArgs {
  client?: InitClient;
  brokers?: number;
  dir: string;
  yes: boolean;
  force: boolean;
  color: boolean;
}

function brokerCount(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value) || n < 1) throw new InvalidArgumentError('expected a whole number of brokers, 1 or more');
  return n;
}

/** Parses `eos-lint init` arguments; help prints and returns 0, mistakes return 2. */
export function parseInitArgs(argv: readonly string[], out: { stdout: (s: string) => void; stderr: (s: string) => void }): { ok: true; args: InitArgs } | { ok: false; exitCode: number } {
  const program = new Command('eos-lint init')
    .description('Write commented producer, consumer and broker configs for exactly-once that lint clean.')
    .addOption(new Option('--client <client>', 'client the configs are for').choices(INIT_CLIENTS.map((c) => c.id)))
    .option('--brokers <n>', 'brokers in the cluster (default 3)', brokerCount)
    .option('--dir <dir>', 'directory to write to', '.')
    .option('-y, --yes', 'do not ask: use defaults for what is not given (client java, 3 brokers)', false)
    .option('--force', 'overwrite existing files', false)
    .option('--no-color', 'plain output')
    .exitOverride()
    .configureOutput({ writeOut: out.stdout, writeErr: out.stderr });
  try {
    program.parse([...argv], { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return { ok: false, exitCode: err.exitCode === 0 ? 0 : 2 };
    throw err;
  }
  const o = program.opts<{ client?: InitClient; brokers?: number; dir: string; yes: boolean; force: boolean; color: boolean }>();
  return { ok: true, args: { client: o.client, brokers: o.brokers, dir: o.dir, yes: o.yes, force: o.force, color: o.color } };
}
