import type { Finding } from '../engine/finding.js';
import type { RuleDefinition } from '../rule/rule-types.js';

/** What every formatter reads: a LintResult satisfies it. */
export interface ReportInput {
  findings: readonly Finding[];
  rules: readonly RuleDefinition[];
}

/** Findings that are reported (not suppressed). */
export function visibleFindings(input: ReportInput): Finding[] {
  return input.findings.filter((f) => !f.suppressed);
}
