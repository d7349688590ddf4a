import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { parseFile } from '../parsers/index.js';
import { lintFiles } from './lint-files.js';

const ROOT = fileURLToPath(new URL('../../../../examples/configs/', import.meta.url));
const expected = parse(readFileSync(join(ROOT, 'expected.yaml'), 'utf8')) as Record<string, Record<string, string[]>>;
const folders = readdirSync(ROOT)
  .filter((d) => statSync(join(ROOT, d)).isDirectory())
  .flatMap((format) => ['clean', 'broken'].map((kind) => `${format}/${kind}`))
  .filter((dir) => {
    try {
      return statSync(join(ROOT, dir)).isDirectory();
    } catch {
      return false;
    }
  });

/** A folder is testable once a parser reads every file in it. */
function parsable(dir: string): boolean {
  return readdirSync(join(ROOT, dir))
    .filter((f) => !/^eos\.ya?ml$/.test(f))
    .every((f) => !parseFile(f, readFileSync(join(ROOT, dir, f))).problems.some((p) => p.message.startsWith('unrecognized file format')));
}

describe('examples > configs', () => {
  it.each(folders)('%s', async (dir) => {
    if (!parsable(dir)) return; // its parser has not landed yet
    const result = await lintFiles(['.'], { cwd: join(ROOT, dir), configFile: false });
    const byFile: Record<string, string[]> = {};
    for (const f of result.findings) {
      if (f.suppressed) continue;
      byFile[f.file] = [...new Set([...(byFile[f.file] ?? []), f.ruleId])].sort();
    }
    if (dir.endsWith('/clean')) {
      expect(byFile).toEqual({});
      expect(result.exitCode).toBe(0);
    } else if (expected[dir]) {
      expect(byFile).toEqual(expected[dir]);
      expect(result.exitCode).toBe(1);
    } else {
      expect(result.counts.errors).toBeGreaterThan(0);
    }
  });
});
