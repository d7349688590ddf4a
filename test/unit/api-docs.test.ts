import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const out = mkdtempSync(join(tmpdir(), 'eoskit-api-docs-'));
afterAll(() => rmSync(out, { recursive: true, force: true }));

/**
 * A page with every line reduced to its sorted words. TypeScript orders union members by internal
 * type ids, which shift when unrelated imports change (`ClientKind | KafkaClient` becomes
 * `KafkaClient | ClientKind`); that is not a documentation change. Any added, removed or changed
 * word still is.
 */
function comparable(page: string): string[] {
  return page.split('\n').map((line) => line.split(/[\s|\\,;:()<>[\]]+/).filter(Boolean).sort().join(' '));
}

function files(dir: string): Map<string, string> {
  const found = new Map<string, string>();
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.set(relative(dir, path), readFileSync(path, 'utf8'));
    }
  };
  walk(dir);
  return found;
}

describe('docs > api', () => {
  it('docs/api matches what `npm run docs:api` generates from the TSDoc now, with no TypeDoc warnings', () => {
    const typedoc = join(root, 'node_modules', 'typedoc', 'bin', 'typedoc');
    const run = spawnSync(process.execPath, [typedoc, '--out', out], { cwd: root, encoding: 'utf8' });
    const log = `${run.stdout}${run.stderr}`.replace(/\x1b\[[0-9;]*m/g, '');
    expect(run.status, log).toBe(0);
    expect(log.split('\n').filter((l) => /\[(warning|error)\]/.test(l))).toEqual([]);
    const generated = files(out);
    const committed = files(join(root, 'docs', 'api'));
    expect([...committed.keys()].sort(), 'docs/api is stale: run `npm run docs:api` and commit docs/api').toEqual([...generated.keys()].sort());
    for (const [file, text] of generated) {
      const stale = `docs/api/${file} is stale: run \`npm run docs:api\` and commit docs/api`;
      expect(comparable(committed.get(file) ?? ''), stale).toEqual(comparable(text));
    }
  }, 180_000);
});
