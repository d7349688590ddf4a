import { runEosLint } from './lint/run-eos-lint.js';

/**
 * Runs the `eos-lint` command line and returns the exit code
 * (0 clean, 1 error-level findings, 2 usage error or unreadable file).
 * Never calls `process.exit`: the bin shim sets `process.exitCode`.
 */
export async function main(argv: string[]): Promise<number> {
  return runEosLint(argv, {
    cwd: process.cwd(),
    env: process.env,
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    isTTY: process.stdout.isTTY === true,
  });
}
