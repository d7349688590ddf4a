import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatReport, lintFiles, planFixes, type LintFilesOptions, type LintResult } from '@eoskit/lint';
import { lintOptionsFor } from './lint-options.js';
import { reportFailure } from './report-failure.js';
import type { CliIo } from './cli-io.js';
import { parseLintArgs, type LintArgs } from './parse-lint-args.js';

function cliVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '0.0.0';
  }
}

/**
 * eos-lint: argv -> lintFiles -> formatter -> exit code. Usage mistakes and
 * unreadable config/manifest files print one line and return 2, never a
 * stack trace.
 */
export async function runEosLint(argv: string[], io: CliIo): Promise<number> {
  const version = cliVersion();
  const parsed = parseLintArgs(argv, io, version);
  if (!parsed.ok) return parsed.exitCode;
  const { args } = parsed;
  try {
    const options = await lintOptionsFor(args, io.cwd);
    let result = await lintFiles(args.paths, options);
    if (args.fix) result = await applyFixes(result, args, options, io);
    // Unreadable files also go to stderr as file:line: message, whatever the format.
    for (const f of result.findings) if (f.ruleId === 'parse-error' && f.severity === 'error') io.stderr(`${f.file}:${f.line}: ${f.message}\n`);
    io.stdout(formatReport(result, args.format, { color: args.color && io.isTTY && !io.env.NO_COLOR, version }));
    return result.exitCode;
  } catch (err) {
    return reportFailure(err, io);
  }
}

/** Writes fixed files, re-lints, and prints what was fixed and what is left as suggestions (stderr). */
async function applyFixes(result: LintResult, args: LintArgs, options: LintFilesOptions, io: CliIo): Promise<LintResult> {
  const plans = planFixes(result);
  let fixed = 0;
  for (const plan of plans) {
    if (plan.error) {
      io.stderr(`eos-lint: ${plan.file}: cannot apply fixes: ${plan.error}\n`);
      continue;
    }
    if (plan.after === plan.before) continue;
    writeFileSync(resolve(io.cwd, plan.file), plan.after);
    fixed += plan.applied.length;
    for (const f of plan.applied) io.stderr(`fixed ${f.file}:${f.line} ${f.ruleId}: ${f.fix?.description}\n`);
  }
  const after = fixed > 0 ? await lintFiles(args.paths, options) : result;
  for (const f of after.findings) {
    if (f.suppressed || !f.suggestion) continue;
    io.stderr(`suggestion ${f.file}:${f.line} ${f.ruleId}: ${f.suggestion.description} (not applied)\n`);
  }
  return after;
}
