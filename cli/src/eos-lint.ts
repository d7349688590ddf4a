/**
 * Runs the `eos-lint` command line and returns the exit code
 * (0 clean, 1 error-level findings, 2 usage error or unreadable file).
 */
export async function main(_argv: string[]): Promise<number> {
  process.stderr.write('eos-lint: not implemented yet\n');
  return 2;
}
