import { ruleDocsUrl } from '../docs-url.js';
import { findRule } from '../rule/builtin-rules.js';
import { ruleAliases, type Severity } from '../rule/rule-types.js';
import type { Finding } from './finding.js';
import { renderMessage } from './render-message.js';

/** A finding of an engine-made rule (parse-error, unused-suppression), at a file position. */
export function builtinFinding(
  ruleId: 'parse-error' | 'unused-suppression',
  at: { file: string; line: number; column: number; data: Record<string, string>; severity?: Severity },
): Finding {
  const rule = findRule(ruleId);
  if (!rule) throw new Error(`rule bundle lacks ${ruleId}`);
  return {
    ruleId,
    aliases: ruleAliases(rule),
    severity: at.severity ?? rule.severity,
    file: at.file,
    line: at.line,
    column: at.column,
    key: null,
    value: null,
    message: renderMessage(rule.message, at.data),
    unitId: null,
    role: null,
    rationale: rule.rationale,
    remediation: rule.remediation,
    docsUrl: ruleDocsUrl(rule.id, rule.docs),
    related: [],
  };
}
