import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { validateRules, type RuleLoadResult } from './validate-rules.js';

/** The repository's rules/ folder (the source of the bundled rules). */
export const RULES_DIR = fileURLToPath(new URL('../../../../rules/', import.meta.url));

/** Reads and validates every `*.yaml` rule file of a folder. */
export function loadRulesDir(dir: string = RULES_DIR): RuleLoadResult {
  const files = readdirSync(dir)
    .filter((f) => /\.ya?ml$/.test(f))
    .sort();
  return validateRules(files.map((f) => ({ file: join(dir, f), text: readFileSync(join(dir, f), 'utf8') })));
}
