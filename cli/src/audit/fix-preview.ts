import { fixParsedFile, type Finding, type LintResult } from '@eoskit/lint';
import type { FixPreview, Screen, StatusMessage } from './audit-types.js';

/**
 * The change for one finding (its fix, else its suggestion) or for every
 * fixable finding of its file, computed by the engine's format handlers so
 * comments, order and formatting are kept. Returns a status message when
 * there is nothing the engine can change.
 */
export function buildPreview(result: LintResult, finding: Finding, scope: 'finding' | 'file', from: Screen): FixPreview | StatusMessage {
  if (scope === 'file') {
    const parsed = result.files.find((f) => f.file === finding.file);
    if (!parsed) return { kind: 'error', text: `${finding.file} is not a file (live cluster config): nothing to edit` };
    const plan = fixParsedFile(parsed, result.findings);
    if (plan.error) return { kind: 'error', text: `cannot edit ${finding.file}: ${plan.error}` };
    if (plan.applied.length === 0 || plan.after === plan.before) return { kind: 'info', text: `no local fix in ${finding.file}` };
    const n = plan.applied.length;
    return { file: parsed.file, kind: 'file', description: `${n} fix${n === 1 ? '' : 'es'} in ${parsed.file}`, before: plan.before, after: plan.after, resolves: plan.applied, from };
  }
  const proposal = finding.fix ?? finding.suggestion;
  if (!proposal) return { kind: 'info', text: `no automatic change for ${finding.ruleId}: ${finding.remediation}` };
  const unitIds = new Set(proposal.edits.map((e) => e.unitId));
  const targets = result.files.filter((f) => f.units.some((u) => unitIds.has(u.id)));
  if (targets.length !== 1) return { kind: 'info', text: `the change spans several configs or a live cluster: ${proposal.description}` };
  const parsed = targets[0]!;
  // fixParsedFile applies the fixes of findings in its file; a suggestion may edit the other side of a pair.
  const plan = fixParsedFile(parsed, [{ ...finding, file: parsed.file, fix: proposal, suppressed: undefined }]);
  if (plan.error) return { kind: 'error', text: `cannot edit ${parsed.file}: ${plan.error}` };
  if (plan.after === plan.before) return { kind: 'info', text: `nothing to change in ${parsed.file}` };
  return {
    file: parsed.file,
    kind: finding.fix ? 'fix' : 'suggestion',
    description: proposal.description,
    before: plan.before,
    after: plan.after,
    resolves: [finding],
    from,
  };
}

/** True when buildPreview produced a change rather than a message. */
export function isPreview(value: FixPreview | StatusMessage): value is FixPreview {
  return 'after' in value;
}
