/** A suppression directive read from one comment. */
export interface SuppressionDirective {
  /** `next-line` targets the next line holding a setting; `line` targets the comment's own line. */
  kind: 'next-line' | 'line';
  /** Rule ids; empty means every rule. */
  ruleIds: string[];
  reason?: string;
  /** Set when the directive is malformed (a bad rule id); the directive is then ignored. */
  error?: string;
}

const DIRECTIVE = /^\s*eos-lint-disable-(next-line|line)(?=\s|$)(.*)$/s;
const RULE_ID = /^[A-Za-z][A-Za-z0-9_./-]*$/;

/**
 * Reads `eos-lint-disable-next-line RULE[, RULE2] -- reason` (or
 * `eos-lint-disable-line ...`) from the text of a comment, without its
 * comment marker (`#`, `!`, `//`, `--`, `/*`). Returns undefined when the
 * comment is not a directive.
 */
export function parseSuppressionComment(comment: string): SuppressionDirective | undefined {
  const m = DIRECTIVE.exec(comment.replace(/\*\/\s*$/, ''));
  if (!m) return undefined;
  const kind = m[1] === 'line' ? 'line' : 'next-line';
  let rest = m[2] ?? '';
  let reason: string | undefined;
  const sep = rest.search(/(^|\s)--(\s|$)/);
  if (sep !== -1) {
    reason = rest.slice(sep).replace(/^\s*--\s*/, '').trim() || undefined;
    rest = rest.slice(0, sep);
  }
  const ruleIds = rest
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  const bad = ruleIds.find((id) => !RULE_ID.test(id));
  const directive: SuppressionDirective = { kind, ruleIds };
  if (reason !== undefined) directive.reason = reason;
  if (bad !== undefined) directive.error = `invalid rule id "${bad.slice(0, 60)}" in eos-lint-disable-${kind}`;
  return directive;
}
