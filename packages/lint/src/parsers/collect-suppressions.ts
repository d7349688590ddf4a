import type { ParseProblem, Suppression } from '../model.js';
import { parseSuppressionComment } from './suppression-comment.js';

/** A comment found by a format handler, without its comment marker. */
export interface CommentAt {
  line: number;
  column: number;
  text: string;
  /** True when the comment follows code on the same line (`acks: 1 # ...`). */
  trailing: boolean;
}

/**
 * Turns a file's comments into suppressions. `eos-lint-disable-next-line`
 * targets the next line that holds a setting (so stacked directives and a
 * blank line in between still work); `eos-lint-disable-line` targets its own
 * line and is only meaningful as a trailing comment.
 */
export function collectSuppressions(
  file: string,
  comments: CommentAt[],
  settingLines: number[],
): { suppressions: Suppression[]; problems: ParseProblem[] } {
  const suppressions: Suppression[] = [];
  const problems: ParseProblem[] = [];
  const lines = [...new Set(settingLines)].sort((a, b) => a - b);
  for (const c of comments) {
    if (!c.text.includes('eos-lint-disable')) continue;
    const d = parseSuppressionComment(c.text);
    if (d === undefined) continue;
    const position = { line: c.line, column: c.column };
    if (d.error !== undefined) {
      problems.push({ file, position, message: d.error, fatal: false });
      continue;
    }
    let targetLine = c.line;
    if (d.kind === 'next-line') {
      targetLine = firstAfter(lines, c.line) ?? c.line + 1;
    } else if (!c.trailing) {
      problems.push({
        file,
        position,
        message: 'eos-lint-disable-line must share its line with a setting; use eos-lint-disable-next-line above it',
        fatal: false,
      });
      continue;
    }
    const s: Suppression = { file, commentLine: c.line, targetLine, ruleIds: d.ruleIds };
    if (d.reason !== undefined) s.reason = d.reason;
    suppressions.push(s);
  }
  return { suppressions, problems };
}

function firstAfter(sorted: number[], line: number): number | undefined {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((sorted[mid] ?? 0) <= line) lo = mid + 1;
    else hi = mid;
  }
  return sorted[lo];
}
