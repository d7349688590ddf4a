import { readFileSync, writeFileSync } from 'node:fs';
import { loadLintInputs } from '@eoskit/lint';
import { lintOptionsFor } from '../lint/lint-options.js';
import { reportFailure } from '../lint/report-failure.js';
import type { CliIo } from '../lint/cli-io.js';
import { parseLintArgs } from '../lint/parse-lint-args.js';
import { runEosLint } from '../lint/run-eos-lint.js';
import { importLiveView } from '../terminal/import-live-view.js';
import { dirtyFiles } from './audit-selectors.js';
import { openAudit } from './open-audit.js';
import type { Analyze, AuditState } from './audit-types.js';

/** The process as the audit needs it. */
export interface AuditIo extends CliIo {
  /** Set when stdin and stdout are both terminals; without it the plain report is printed. */
  terminal?: { stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream };
}

/** argv without the words that ask for the audit (`audit` first, `--interactive` anywhere). */
export function stripAuditArgs(argv: readonly string[]): string[] {
  const rest = argv[0] === 'audit' ? argv.slice(1) : [...argv];
  return rest.filter((a) => a !== '--interactive');
}

/**
 * `eos-lint --interactive [paths]` / `eos-lint audit [paths]`: opens the Ink
 * audit on the lint results, or without a terminal prints the plain report
 * with its exit code. Returns the exit code of the files as saved on disk.
 */
export async function runAudit(argv: readonly string[], io: AuditIo): Promise<number> {
  const rest = stripAuditArgs(argv);
  if (!io.terminal || rest.some((a) => a === '--help' || a === '-h' || a === '--version' || a === '-v')) {
    if (!io.terminal) io.stderr('eos-lint: not a terminal, printing the report instead of the interactive audit\n');
    return runEosLint(rest, io);
  }
  const parsed = parseLintArgs(rest, io, '');
  if (!parsed.ok) return parsed.exitCode;
  const { args } = parsed;
  try {
    const options = await lintOptionsFor(args, io.cwd);
    const inputs = await loadLintInputs(args.paths, options);
    const { initial, analyze } = openAudit(inputs.sources, inputs.options, io.cwd);
    const { renderAudit } = await importLiveView(() => import('./render-audit.js'));
    const final = await renderAudit({
      initial,
      analyze,
      io: { readFile: (p) => readFileSync(p, 'utf8'), writeFile: (p, text) => writeFileSync(p, text) },
      color: args.color && !io.env.NO_COLOR,
      terminal: io.terminal,
    });
    return finish(final, analyze, io);
  } catch (err) {
    return reportFailure(err, io);
  }
}

/** One line on what is left, and the exit code of the texts on disk (unsaved edits were discarded). */
function finish(final: AuditState, analyze: Analyze, io: CliIo): number {
  const unsaved = dirtyFiles(final);
  const onDisk = unsaved.length === 0 ? final.analysis.result : analyze(Object.values(final.buffers).map((b) => ({ file: b.file, text: b.saved }))).result;
  const { errors, warnings, infos } = onDisk.counts;
  const discarded = unsaved.length > 0 ? `; unsaved changes discarded in ${unsaved.map((b) => b.file).join(', ')}` : '';
  io.stderr(`eos-lint audit: ${errors} error(s), ${warnings} warning(s), ${infos} info left on disk${discarded}\n`);
  return onDisk.exitCode;
}
