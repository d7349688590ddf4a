import type { ConfigUnit } from '../model.js';
import type { RuleDefinition } from '../rule/rule-types.js';
import { buildFinding } from './build-finding.js';
import type { CataloguePort } from './catalogue-port.js';
import { evaluateRule } from './evaluate-rule.js';
import { compareFindings, type Finding } from './finding.js';
import { Pipeline, type PipelineFacts } from './pipeline.js';
import { effectiveSeverity, type RuleSettings } from './rule-settings.js';

/** What the engine needs to evaluate units. */
export interface EngineOptions {
  rules: readonly RuleDefinition[];
  kafkaVersion: string;
  catalogue: CataloguePort;
  facts?: PipelineFacts;
  settings?: RuleSettings;
}

/**
 * Evaluates every rule on every unit, as one pipeline (cross-file rules see
 * all units). Returns findings in report order; suppressions are applied by
 * the caller, which knows the files.
 */
export function lintUnits(units: ConfigUnit[], options: EngineOptions): Finding[] {
  const pipeline = new Pipeline(units, { kafkaVersion: options.kafkaVersion, catalogue: options.catalogue, facts: options.facts });
  const findings: Finding[] = [];
  for (const rule of options.rules) {
    const severity = effectiveSeverity(rule, options.settings);
    if (severity === 'off' || rule.builtin) continue;
    for (const view of pipeline.views) {
      for (const raw of evaluateRule(rule, view, pipeline, options.catalogue)) findings.push(buildFinding(raw, severity));
    }
  }
  return dropGenericDuplicates(findings, options.rules).sort(compareFindings);
}

/**
 * One story per key when a value is invalid. A rule that names the exact bad
 * value (a `not-in` check: exactly_once on Streams 4.x) says more than
 * `invalid-value`; otherwise `invalid-value` wins (acks=al is not "acks below
 * all"), inheriting the first fix of the findings it replaces.
 */
function dropGenericDuplicates(findings: Finding[], rules: readonly RuleDefinition[]): Finding[] {
  const at = (f: Finding): string => `${f.unitId}\0${f.line}\0${f.key}`;
  const namesValue = new Set(rules.filter((r) => r.then?.check === 'not-in').map((r) => r.id));
  const invalid = new Map(findings.filter((f) => f.ruleId === 'invalid-value').map((f) => [at(f), f]));
  const drop = new Set<Finding>();
  for (const f of findings) {
    const inv = invalid.get(at(f));
    if (!inv || f === inv) continue;
    if (namesValue.has(f.ruleId)) drop.add(inv);
  }
  for (const f of findings) {
    const inv = invalid.get(at(f));
    if (!inv || f === inv || drop.has(inv) || drop.has(f)) continue;
    if (!inv.fix && f.fix) inv.fix = f.fix;
    drop.add(f);
  }
  return findings.filter((f) => !drop.has(f));
}
