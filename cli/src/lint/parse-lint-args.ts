import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { REPORT_FORMATS, ROLES, type ReportFormat, type Role } from '@eoskit/lint';

/** eos-lint's parsed command line. */
export interface LintArgs {
  paths: string[];
  role?: Role;
  kafkaVersion?: string;
  format: ReportFormat;
  fix: boolean;
  maxWarnings?: number;
  config?: string | false;
  manifest?: string;
  bootstrapServer?: string;
  color: boolean;
}

/** Parse outcome: arguments, or an exit code after help/version/usage output. */
export type ParsedArgs = { ok: true; args: LintArgs } | { ok: false; exitCode: number };

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < -1) throw new InvalidArgumentError('expected an integer >= -1');
  return n;
}

/** Parses argv with commander; help and version print and return exit 0, mistakes exit 2. */
export function parseLintArgs(argv: string[], out: { stdout: (s: string) => void; stderr: (s: string) => void }, version: string): ParsedArgs {
  const program = new Command('eos-lint')
    .description('Find Kafka, Kafka Streams and Flink settings that break exactly-once.')
    .argument('[paths...]', 'config files, directories or globs (linted together as one pipeline)')
    .addOption(new Option('--role <role>', 'force the role of every file').choices([...ROLES]))
    .option('--kafka-version <version>', 'Kafka version whose defaults apply (default: current)')
    .addOption(new Option('-f, --format <format>', 'output format').choices([...REPORT_FORMATS]).default('stylish'))
    .option('--fix', 'apply deterministic local fixes in place', false)
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', integer)
    .option('-c, --config <file>', 'config file (default: .eos-lint.yaml found upward)')
    .option('--no-config', 'ignore .eos-lint.yaml files')
    .option('--manifest <file>', 'pipeline manifest (default: an eos.yaml among the paths)')
    .option('--bootstrap-server <host:port>', 'also audit the broker and topic configs of a running cluster (read-only)')
    .option('--no-color', 'plain output')
    .version(version, '-v, --version')
    .addHelpText('after', '\nAlso: eos-lint --interactive [paths] (or eos-lint audit [paths]) opens the interactive audit;\n      eos-lint init writes exactly-once configs that lint clean.\n')
    .exitOverride()
    .configureOutput({ writeOut: out.stdout, writeErr: out.stderr });
  try {
    program.parse(argv, { from: 'user' });
  } catch (err) {
    if (err instanceof CommanderError) return { ok: false, exitCode: err.exitCode === 0 ? 0 : 2 };
    throw err;
  }
  const o = program.opts<{
    role?: Role; kafkaVersion?: string; format: ReportFormat; fix: boolean; maxWarnings?: number;
    config: string | boolean; manifest?: string; bootstrapServer?: string; color: boolean;
  }>();
  const paths = program.args;
  if (paths.length === 0 && !o.bootstrapServer) {
    out.stderr('eos-lint: give config files, directories or globs to lint, or --bootstrap-server\n');
    out.stderr(program.helpInformation());
    return { ok: false, exitCode: 2 };
  }
  return {
    ok: true,
    args: {
      paths,
      role: o.role,
      kafkaVersion: o.kafkaVersion,
      format: o.format,
      fix: o.fix,
      maxWarnings: o.maxWarnings,
      config: o.config === false ? false : typeof o.config === 'string' ? o.config : undefined,
      manifest: o.manifest,
      bootstrapServer: o.bootstrapServer,
      color: o.color,
    },
  };
}
