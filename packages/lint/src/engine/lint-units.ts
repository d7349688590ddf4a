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
  return dropGenericDuplicates(findings).sort(compareFindings);
}

/** A specific rule about a key says more than `invalid-value` on the same key (streams exactly_once in 4.x). */
function dropGenericDuplicates(findings: Finding[]): Finding[] {
  const specific = new Set(findings.filter((f) => f.ruleId !== 'invalid-value').map((f) => `${f.unitId}\0${f.line}\0${f.key}`));
  return findings.filter((f) => f.ruleId !== 'invalid-value' || !specific.has(`${f.unitId}\0${f.line}\0${f.key}`));
}
