import { readFileSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import { EoskitError } from '@eoskit/core';
import { findConfigFile, loadConfigFile, type LintConfigFile } from './config-file.js';
import { displayPath, expandPaths } from './expand-paths.js';
import { lintSources, type LintOptions, type LintResult, type SourceText } from './lint-sources.js';
import { loadCheckedYaml } from './load-checked-yaml.js';
import type { Manifest } from './manifest-types.js';

/** Options of {@link lintFiles}. */
export interface LintFilesOptions extends Omit<LintOptions, 'manifest'> {
  /** Base for relative paths and reported file names (default process.cwd()). */
  cwd?: string;
  /** Config file to use instead of searching `.eos-lint.yaml` upward from cwd; `false` disables it. */
  configFile?: string | false;
  /** Manifest to use (default: an `eos.yaml` among the paths, or the config file's `manifest`). */
  manifestFile?: string;
}

const MANIFEST = /^eos\.ya?ml$/;

/**
 * Lints files, directories and globs as one pipeline (the eos-lint CLI's
 * engine). Reads `.eos-lint.yaml` and `eos.yaml`. Bad usage (no file
 * matched, invalid config or manifest) throws EoskitError CONFIG_INVALID;
 * unreadable files become parse-error findings and exit code 2.
 */
export async function lintFiles(paths: string[], options: LintFilesOptions = {}): Promise<LintResult> {
  const inputs = await loadLintInputs(paths, options);
  return lintSources(inputs.sources, inputs.options);
}

/** What {@link lintFiles} lints: the file texts, and the options the config file and manifest resolve to. */
export interface LintInputs {
  sources: SourceText[];
  options: LintOptions;
}

/**
 * The reading half of {@link lintFiles}: expands paths, reads the config
 * file, manifest and files. An editor or the TUI lints edited texts again
 * with `lintSources(sources, options)` and gets what lintFiles would.
 */
export async function loadLintInputs(paths: string[], options: LintFilesOptions = {}): Promise<LintInputs> {
  const cwd = resolve(options.cwd ?? process.cwd());
  const configPath = options.configFile === false ? undefined : options.configFile ? resolve(cwd, options.configFile) : findConfigFile(cwd);
  const config: LintConfigFile = configPath ? await loadConfigFile(configPath, cwd) : {};
  const expanded = expandPaths(paths, { cwd, ignore: config.ignore });
  if (expanded.unmatched.length > 0) {
    throw new EoskitError('CONFIG_INVALID', `no files match ${expanded.unmatched.map((p) => `"${p}"`).join(', ')}`);
  }
  let manifestPath = options.manifestFile ? resolve(cwd, options.manifestFile) : expanded.files.find((f) => MANIFEST.test(basename(f)));
  if (!manifestPath && config.manifest && configPath) manifestPath = resolve(dirname(configPath), config.manifest);
  const files = expanded.files.filter((f) => f !== manifestPath);
  let manifest: Manifest | undefined;
  if (manifestPath) {
    const raw = await loadCheckedYaml<Manifest>(manifestPath, displayPath(cwd, manifestPath), 'manifest');
    const base = dirname(manifestPath);
    manifest = { ...raw, files: (raw.files ?? []).map((f) => ({ ...f, path: displayPath(cwd, resolve(base, f.path)) })) };
    for (const f of manifest.files ?? []) {
      const abs = resolve(cwd, f.path);
      if (!files.includes(abs)) files.push(abs);
    }
    checkFeeds(manifest, displayPath(cwd, manifestPath));
  }
  if (files.length === 0 && !options.extraUnits?.length) throw new EoskitError('CONFIG_INVALID', 'no files to lint');
  const sources: SourceText[] = files.map((abs) => ({ file: displayPath(cwd, abs), text: readOrThrow(abs, displayPath(cwd, abs)) }));
  const { cwd: _cwd, configFile: _configFile, manifestFile: _manifestFile, ...lintOptions } = options;
  return {
    sources,
    options: {
      ...lintOptions,
      kafkaVersion: options.kafkaVersion ?? config.kafkaVersion,
      rules: { ...config.rules, ...options.rules },
      manifest,
      maxWarnings: options.maxWarnings ?? config.maxWarnings,
      reportUnusedSuppressions: options.reportUnusedSuppressions ?? config.reportUnusedSuppressions,
    },
  };
}

function readOrThrow(abs: string, display: string): Uint8Array {
  try {
    return readFileSync(abs);
  } catch (err) {
    throw new EoskitError('CONFIG_INVALID', `${display}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
}

/** Every name in `feeds` must be a file's name or path, or the feed would silently match nothing. */
function checkFeeds(manifest: Manifest, display: string): void {
  const known = new Set((manifest.files ?? []).flatMap((f) => [f.path, ...(f.name ? [f.name] : [])]));
  (manifest.feeds ?? []).forEach((edge, i) => {
    for (const side of ['from', 'to'] as const) {
      const names = Array.isArray(edge[side]) ? edge[side] : [edge[side]];
      const unknown = names.find((n) => !known.has(n) && !known.has(n.replace(/^\.\//, '')));
      if (unknown !== undefined) {
        throw new EoskitError('CONFIG_INVALID', `${display}: /feeds/${i}/${side}: "${unknown}" names no file of the manifest (use a files[].name or path)`);
      }
    }
  });
}
