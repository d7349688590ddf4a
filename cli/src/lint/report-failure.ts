import { isEoskitError } from '@eoskit/core';
import type { CliIo } from './cli-io.js';

/**
 * One line on stderr for a failure of eos-lint or its audit, and exit code 2:
 * a user mistake (an `EoskitError`: unreadable config, bad manifest) is said
 * as is; anything else is an internal error, with the stack only under
 * `EOS_LINT_DEBUG`.
 */
export function reportFailure(err: unknown, io: CliIo): number {
  if (isEoskitError(err)) {
    io.stderr(`eos-lint: ${err.message}\n`);
    return 2;
  }
  io.stderr(`eos-lint: internal error: ${(err as Error).message}\n`);
  if (io.env.EOS_LINT_DEBUG) io.stderr(`${(err as Error).stack ?? ''}\n`);
  return 2;
}
