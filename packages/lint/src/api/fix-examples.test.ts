import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { lintSources, type SourceText } from './lint-sources.js';
import { planFixes } from './plan-fixes.js';

const ROOT = fileURLToPath(new URL('../../../../examples/configs/', import.meta.url));
const folders = readdirSync(ROOT).filter((d) => statSync(join(ROOT, d)).isDirectory());

/** Lines that are comments in any of the formats (kept verbatim by every handler). */
const commentLines = (text: string): string[] => text.split('\n').filter((l) => /^\s*(#|!|\/\/|--)/.test(l));

describe('lint > fix round trip on the broken examples', () => {
  it.each(folders)('%s', (format) => {
    const dir = join(ROOT, format, 'broken');
    const sources: SourceText[] = readdirSync(dir)
      .filter((f) => !/^eos\.ya?ml$/.test(f))
      .map((f) => ({ file: f, text: readFileSync(join(dir, f), 'utf8') }));
    const before = lintSources(sources);
    const plans = planFixes(before);
    expect(plans.filter((p) => p.error)).toEqual([]);
    if (before.counts.fixable > 0) expect(plans.flatMap((p) => p.applied).length).toBeGreaterThan(0);
    const fixedText = new Map(plans.map((p) => [p.file, p.after]));
    const after = lintSources(sources.map((s) => ({ file: s.file, text: fixedText.get(s.file) ?? (s.text as string) })));
    for (const plan of plans) {
      // Comments and untouched lines survive.
      for (const line of commentLines(plan.before)) expect(plan.after).toContain(line);
      // Every finding a fix was applied for is gone after re-linting.
      const remaining = after.findings.filter((f) => f.file === plan.file).map((f) => `${f.ruleId}@${f.key}`);
      for (const fixed of plan.applied) expect(remaining).not.toContain(`${fixed.ruleId}@${fixed.key}`);
    }
    expect(after.counts.errors).toBeLessThanOrEqual(before.counts.errors);
  });
});
