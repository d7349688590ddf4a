import { runEosLint } from './lint/run-eos-lint.js';

/**
 * Runs the `eos-lint` command line and returns the exit code
 * (0 clean, 1 error-level findings, 2 usage error or unreadable file).
 * Never calls `process.exit`: the bin shim sets `process.exitCode`.
 */
export async function main(argv: string[]): Promise<number> {
  const io = {
    cwd: process.cwd(),
    env: process.env,
    stdout: (s: string) => process.stdout.write(s),
    stderr: (s: string) => process.stderr.write(s),
    isTTY: process.stdout.isTTY === true,
  };
  // The audit and init load Ink on demand, so plain eos-lint starts without it.
  const terminal = process.stdin.isTTY && process.stdout.isTTY ? { stdin: process.stdin, stdout: process.stdout } : undefined;
  if (argv[0] === 'init') return (await import('./init/run-init.js')).runInit(argv.slice(1), { ...io, terminal });
  if (argv[0] === 'audit' || argv.includes('--interactive')) return (await import('./audit/run-audit.js')).runAudit(argv, { ...io, terminal });
  return runEosLint(argv, io);
}
