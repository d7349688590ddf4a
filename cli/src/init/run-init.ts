import type { AuditIo } from '../audit/run-audit.js';

/** Placeholder until init lands. */
export async function runInit(_argv: readonly string[], io: AuditIo): Promise<number> {
  io.stderr('eos-lint init: not yet\n');
  return 2;
}
