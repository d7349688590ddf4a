import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { runEosLint } from './run-eos-lint.js';

/**
 * Golden CLI scenarios: each folder of golden/ holds input files, `args`
 * (one argument per line), `expected.stdout`, `expected.exit`, optionally
 * `expected.stderr` and `expected/<file>` (file contents after the run, for
 * --fix). UPDATE_GOLDEN=1 rewrites the expectations.
 */
const GOLDEN = fileURLToPath(new URL('./golden/', import.meta.url));
const SPECIAL = new Set(['args', 'expected.stdout', 'expected.stderr', 'expected.exit', 'expected']);
const update = process.env.UPDATE_GOLDEN === '1';

async function runCase(dir: string) {
  const work = mkdtempSync(join(tmpdir(), 'eos-lint-golden-'));
  for (const name of readdirSync(dir)) if (!SPECIAL.has(name)) cpSync(join(dir, name), join(work, name), { recursive: true });
  const args = readFileSync(join(dir, 'args'), 'utf8').split('\n').filter((l) => l.length > 0);
  let stdout = '';
  let stderr = '';
  const exit = await runEosLint(args, { cwd: work, env: {}, isTTY: false, stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { work, stdout, stderr, exit };
}

describe('eos-lint > golden', () => {
  for (const name of readdirSync(GOLDEN).sort()) {
    it(name, async () => {
      const dir = join(GOLDEN, name);
      const { work, stdout, stderr, exit } = await runCase(dir);
      try {
        if (update) {
          writeFileSync(join(dir, 'expected.stdout'), stdout);
          writeFileSync(join(dir, 'expected.exit'), `${exit}\n`);
          if (existsSync(join(dir, 'expected.stderr'))) writeFileSync(join(dir, 'expected.stderr'), stderr);
          if (existsSync(join(dir, 'expected'))) for (const f of readdirSync(join(dir, 'expected'))) writeFileSync(join(dir, 'expected', f), readFileSync(join(work, f)));
          return;
        }
        expect(stdout).toBe(readFileSync(join(dir, 'expected.stdout'), 'utf8'));
        expect(`${exit}\n`).toBe(readFileSync(join(dir, 'expected.exit'), 'utf8'));
        if (existsSync(join(dir, 'expected.stderr'))) expect(stderr).toBe(readFileSync(join(dir, 'expected.stderr'), 'utf8'));
        if (existsSync(join(dir, 'expected'))) {
          for (const f of readdirSync(join(dir, 'expected'))) expect(readFileSync(join(work, f), 'utf8')).toBe(readFileSync(join(dir, 'expected', f), 'utf8'));
        }
      } finally {
        rmSync(work, { recursive: true, force: true });
      }
    });
  }
});
