import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { RuleSetting } from '../engine/rule-settings.js';
import { displayPath } from './expand-paths.js';
import { loadCheckedYaml } from './load-checked-yaml.js';

/** `.eos-lint.yaml` (schemas/eos-lint-config.schema.json). */
export interface LintConfigFile {
  kafkaVersion?: string;
  rules?: Record<string, RuleSetting>;
  ignore?: string[];
  manifest?: string;
  maxWarnings?: number;
  reportUnusedSuppressions?: boolean;
}

const NAMES = ['.eos-lint.yaml', '.eos-lint.yml', '.eos-lint.json'];

/** The nearest config file from `cwd` upward, or undefined. */
export function findConfigFile(cwd: string): string | undefined {
  let dir = resolve(cwd);
  for (;;) {
    for (const name of NAMES) {
      const path = join(dir, name);
      if (existsSync(path)) return path;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/** Loads and validates a config file; throws CONFIG_INVALID naming the file. */
export async function loadConfigFile(path: string, cwd: string): Promise<LintConfigFile> {
  return loadCheckedYaml<LintConfigFile>(path, displayPath(cwd, path), 'eos-lint-config');
}
