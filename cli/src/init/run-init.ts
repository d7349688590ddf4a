import { resolve } from 'node:path';
import { lintFiles } from '@eoskit/lint';
import type { AuditIo } from '../audit/run-audit.js';
import { importLiveView } from '../terminal/import-live-view.js';
import { INIT_CLIENTS } from './init-clients.js';
import type { InitChoices, InitFile } from './init-types.js';
import { parseInitArgs } from './parse-init-args.js';
import { renderInitFiles } from './render-init-files.js';
import { existingFiles, writeInitFiles } from './write-init-files.js';

/**
 * `eos-lint init`: asks for the client and the broker count (Ink prompts on a
 * terminal; `--client`, `--brokers`, `--yes` otherwise), writes the configs,
 * and lints them. Existing files are overwritten only after a yes or with
 * `--force`. Returns 0 when written, 1 when cancelled, 2 on usage errors or
 * refused overwrites.
 */
export async function runInit(argv: readonly string[], io: AuditIo): Promise<number> {
  const parsed = parseInitArgs(argv, io);
  if (!parsed.ok) return parsed.exitCode;
  const { args } = parsed;
  const dir = resolve(io.cwd, args.dir);
  const filesFor = (c: InitChoices) => renderInitFiles(c);
  let choices: InitChoices;
  let overwrite = args.force;
  const answered = args.client !== undefined && args.brokers !== undefined;
  if (args.yes || answered || !io.terminal) {
    if (!args.client && !args.yes) {
      io.stderr(`eos-lint init: no terminal to ask on: give --client (${INIT_CLIENTS.map((c) => c.id).join('|')}) and --brokers, or --yes for the defaults\n`);
      return 2;
    }
    choices = { client: args.client ?? 'java', brokers: args.brokers ?? 3 };
    if (!overwrite && io.terminal && !args.yes && existingFiles(dir, filesFor(choices)).length > 0) {
      const asked = await ask(io, { ...choices }, dir, args.color);
      if (!asked) return cancelled(io);
      overwrite = true;
    }
  } else {
    const asked = await ask(io, { client: args.client, brokers: args.brokers }, dir, args.color);
    if (!asked) return cancelled(io);
    choices = asked.choices;
    overwrite ||= asked.overwrite;
  }
  const files = filesFor(choices);
  let outcome: { written: string[]; refused: string[] };
  try {
    outcome = writeInitFiles(dir, files, overwrite);
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    io.stderr(`eos-lint init: cannot write to ${args.dir}: ${e.code === 'EEXIST' ? 'a file appeared meanwhile; run again' : (e.code ?? e.message)}\n`);
    return 2;
  }
  if (outcome.refused.length > 0) {
    io.stderr(`eos-lint init: ${outcome.refused.join(', ')} already exist in ${args.dir}; nothing written (use --force to overwrite)\n`);
    return 2;
  }
  return report(io, args.dir, dir, files, choices);
}

/** Runs the Ink prompts (loaded on demand); undefined when cancelled. */
async function ask(io: AuditIo, given: Partial<InitChoices>, dir: string, color: boolean): Promise<{ choices: InitChoices; overwrite: boolean } | undefined> {
  if (!io.terminal) return undefined;
  const { renderInitWizard } = await importLiveView(() => import('./render-init-wizard.js'));
  const final = await renderInitWizard({ given, conflictsFor: (c) => existingFiles(dir, renderInitFiles(c)), color: color && !io.env.NO_COLOR, terminal: io.terminal });
  if (final.step !== 'done' || !final.client || final.brokers === undefined) return undefined;
  return { choices: { client: final.client, brokers: final.brokers }, overwrite: final.conflicts.length > 0 };
}

function cancelled(io: AuditIo): number {
  io.stderr('eos-lint init: cancelled, nothing written\n');
  return 1;
}

/** Lists what was written and lints it, so the user sees it is clean. */
async function report(io: AuditIo, shown: string, dir: string, files: InitFile[], choices: InitChoices): Promise<number> {
  const label = INIT_CLIENTS.find((c) => c.id === choices.client)?.label ?? choices.client;
  io.stdout(`Wrote exactly-once configs for ${label}, ${choices.brokers} broker${choices.brokers === 1 ? '' : 's'}, in ${shown}:\n`);
  for (const f of files) io.stdout(`  ${f.path.padEnd(24)} ${f.description}\n`);
  if (choices.brokers < 3) io.stdout(`Below 3 brokers replication is reduced (suppressions in server.properties say why): fine for development only.\n`);
  // Only what was written: other files in the directory are the user's business.
  const result = await lintFiles(files.map((f) => f.path), { cwd: dir, configFile: false });
  const { errors, warnings, infos } = result.counts;
  io.stdout(`eos-lint ${shown}: ${errors} errors, ${warnings} warnings, ${infos} info. Adapt names and hosts, then run eos-lint --interactive ${shown}.\n`);
  return 0;
}
