import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { RULE_BUNDLE } from '../generated/rule-bundle.js';
import { builtinRules } from './builtin-rules.js';
import { loadRulesDir, RULES_DIR } from './load-rules-dir.js';
import { examplesMarkdown, type DocScenario } from './examples-markdown.js';
import { ruleMarkdown } from './rule-markdown.js';

const DOCS_DIR = join(RULES_DIR, '..', 'docs', 'rules');
/** Engine-made rules are tested through lintFiles (parse errors, suppressions). */
const TESTED_ELSEWHERE = new Set(['parse-error', 'unused-suppression']);

describe('rules > meta', () => {
  const { rules, errors } = loadRulesDir();
  const files = readdirSync(RULES_DIR).filter((f) => f.endsWith('.yaml'));

  it('every rule file validates against schemas/rule.schema.json with its checks and options', () => {
    expect(errors).toEqual([]);
    expect(rules).toHaveLength(files.length);
  });

  it('every id matches its file name and is kebab-case', () => {
    for (const file of files) {
      const id = (parse(readFileSync(join(RULES_DIR, file), 'utf8')) as { id: string }).id;
      expect(`${id}.yaml`).toBe(file);
    }
  });

  it.each(files.map((f) => f.replace(/\.yaml$/, '')))('%s has a scenario table with a failing and a passing case', (id) => {
    if (TESTED_ELSEWHERE.has(id)) return;
    const path = join(RULES_DIR, 'tests', `${id}.yaml`);
    expect(existsSync(path), `rules/tests/${id}.yaml`).toBe(true);
    const table = parse(readFileSync(path, 'utf8')) as { valid: unknown[]; invalid: unknown[] };
    expect(table.valid.length).toBeGreaterThan(0);
    expect(table.invalid.length).toBeGreaterThan(0);
  });

  it('every rule has an up-to-date docs page (npm run gen:rules -w packages/lint)', () => {
    for (const rule of rules) {
      const path = join(DOCS_DIR, `${rule.id}.md`);
      expect(existsSync(path), path).toBe(true);
      const tests = join(RULES_DIR, 'tests', `${rule.id}.yaml`);
      const table = existsSync(tests) ? (parse(readFileSync(tests, 'utf8')) as { valid?: DocScenario[]; invalid?: DocScenario[] }) : undefined;
      expect(readFileSync(path, 'utf8')).toBe(ruleMarkdown(rule) + examplesMarkdown(table));
    }
  });

  it('the compiled bundle equals the YAML (npm run gen:rules -w packages/lint)', () => {
    expect(JSON.parse(JSON.stringify(RULE_BUNDLE))).toEqual(JSON.parse(JSON.stringify(rules)));
    expect(builtinRules()).toBe(RULE_BUNDLE);
  });

  it('covers every rule of section A of the catalogue', () => {
    const aliases = new Set(rules.flatMap((r) => (r.alias === undefined ? [] : Array.isArray(r.alias) ? r.alias : [r.alias])));
    const sectionA = ['P1', 'P2', 'P3', 'P4', 'P5', 'P6', 'P7', 'P8', 'C1', 'C2', 'C3', 'B1', 'B2', 'B3', 'B4', 'B5', 'B6', 'B7', 'B8', 'B9', 'B10', 'T1', 'T2', 'T3', 'S1', 'S2', 'S3', 'S4', 'S5', 'S6', 'F1', 'F2', 'F3', 'F4', 'F5', 'F6', 'F7'];
    expect(sectionA.filter((code) => !aliases.has(code))).toEqual([]);
  });
});
