import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { memoryUnit, type ConfigValue } from './api/memory-unit.js';
import { activeCatalogue } from './engine/active-catalogue.js';
import { lintUnits } from './engine/lint-units.js';
import type { Dialect, Edit, Role } from './model.js';
import { loadRulesDir, RULES_DIR } from './rule/load-rules-dir.js';

/** One scenario of rules/tests/<rule-id>.yaml. */
interface Scenario {
  name: string;
  kafkaVersion?: string;
  brokerCount?: number;
  feeds?: Array<{ from: string; to: string }>;
  units: Array<{ role: Role; dialect?: Dialect; id?: string; config: Record<string, ConfigValue> }>;
  /** Expected findings of the rule, in report order (substring match on message). */
  expect?: Array<{ unit?: string; key?: string; severity?: string; message?: string; line?: number }>;
  /** Config of the first unit after applying the finding's fix (null: key removed). */
  fixed?: Record<string, string | null>;
}

const TESTS_DIR = join(RULES_DIR, 'tests');
const { rules } = loadRulesDir();

function run(ruleId: string, s: Scenario) {
  const rule = rules.find((r) => r.id === ruleId);
  if (!rule) throw new Error(`no rule ${ruleId}`);
  const catalogue = activeCatalogue();
  const units = s.units.map((u, i) => memoryUnit({ role: u.role, dialect: u.dialect, config: u.config, id: u.id ?? `u${i}`, file: `${u.id ?? `u${i}`}.conf` }));
  const findings = lintUnits(units, {
    rules: [rule],
    kafkaVersion: catalogue.resolveVersion(s.kafkaVersion ?? catalogue.defaultKafkaVersion),
    catalogue,
    facts: { brokerCount: s.brokerCount, brokerCountSource: 'the scenario', feeds: s.feeds },
  });
  return { findings, units };
}

function applyToConfig(config: Record<string, ConfigValue>, edits: Edit[]): Record<string, string | null> {
  const out: Record<string, string | null> = Object.fromEntries(Object.entries(config).map(([k, v]) => [k, v == null ? null : String(v)]));
  for (const e of edits) {
    if (e.kind === 'set') out[e.key] = e.value;
    else if (e.kind === 'remove') out[e.key] = null;
    else {
      out[e.to] = out[e.from] ?? null;
      out[e.from] = null;
    }
  }
  return out;
}

for (const file of readdirSync(TESTS_DIR).filter((f) => f.endsWith('.yaml')).sort()) {
  const ruleId = file.replace(/\.yaml$/, '');
  const table = parse(readFileSync(join(TESTS_DIR, file), 'utf8')) as { valid: Scenario[]; invalid: Scenario[] };
  describe(`rules > ${ruleId}`, () => {
    it.each(table.valid.map((s) => [s.name, s] as const))('valid: %s', (_name, s) => {
      const { findings } = run(ruleId, s);
      expect(findings.map((f) => f.message)).toEqual([]);
    });
    it.each(table.invalid.map((s) => [s.name, s] as const))('invalid: %s', (_name, s) => {
      const { findings } = run(ruleId, s);
      const expected = s.expect ?? [{}];
      expect(findings, findings.map((f) => f.message).join('\n')).toHaveLength(expected.length);
      expected.forEach((want, i) => {
        const got = findings[i]!;
        expect(got.ruleId).toBe(ruleId);
        if (want.unit) expect(got.unitId).toBe(want.unit);
        if (want.key) expect(got.key).toBe(want.key);
        if (want.severity) expect(got.severity).toBe(want.severity);
        if (want.message) expect(got.message).toContain(want.message);
        if (want.line) expect(got.line).toBe(want.line);
      });
      if (s.fixed) {
        const fix = findings[0]?.fix;
        expect(fix, 'rule offers a fix').toBeDefined();
        const after = applyToConfig(s.units[0]!.config, fix!.edits);
        for (const [k, v] of Object.entries(s.fixed)) expect(after[k] ?? null).toBe(v);
      }
    });
  });
}
