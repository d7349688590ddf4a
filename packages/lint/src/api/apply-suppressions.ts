import { builtinFinding } from '../engine/builtin-finding.js';
import type { Finding } from '../engine/finding.js';
import type { Suppression } from '../model.js';

/**
 * Marks findings silenced by `eos-lint-disable-next-line RULE -- reason`
 * comments (rule ids or catalogue codes; none means every rule) and reports
 * suppressions that silenced nothing. Returns the findings plus the
 * unused-suppression findings.
 */
export function applySuppressions(findings: Finding[], suppressions: Suppression[], reportUnused: boolean): Finding[] {
  const used = new Set<Suppression>();
  for (const finding of findings) {
    if (finding.ruleId === 'parse-error') continue;
    const match = suppressions.find(
      (s) =>
        s.file === finding.file &&
        s.targetLine === finding.line &&
        (s.ruleIds.length === 0 || s.ruleIds.some((id) => id === finding.ruleId || finding.aliases.includes(id))),
    );
    if (!match) continue;
    used.add(match);
    finding.suppressed = { kind: 'inSource', line: match.commentLine, ...(match.reason ? { justification: match.reason } : {}) };
  }
  if (!reportUnused) return findings;
  const unused = suppressions
    .filter((s) => !used.has(s))
    .map((s) =>
      builtinFinding('unused-suppression', {
        file: s.file,
        line: s.commentLine,
        column: 1,
        data: { rules: s.ruleIds.join(', ') || '(all rules)', target: String(s.targetLine) },
      }),
    );
  return [...findings, ...unused];
}
