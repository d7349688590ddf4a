import type { Finding } from '../engine/finding.js';
import type { Edit, ParsedFile } from '../model.js';
import { applyEdits } from '../parsers/index.js';
import type { LintResult } from './lint-sources.js';

/** The fixed text of one file and the findings it resolves. */
export interface FilePlan {
  file: string;
  before: string;
  after: string;
  applied: Finding[];
  /** Set when the file's format cannot apply edits yet. */
  error?: string;
}

function editKey(edit: Edit): string {
  return edit.kind === 'rename' ? `${edit.unitId}\0${edit.from}` : `${edit.unitId}\0${edit.key}`;
}

/**
 * Applies the deterministic fixes of `findings` to one parsed file through
 * its format handler (comments, order and formatting kept). One edit per key:
 * the first finding wins, the rest stay for the next run.
 */
export function fixParsedFile(parsed: ParsedFile, findings: readonly Finding[]): FilePlan {
  const seen = new Set<string>();
  const edits: Edit[] = [];
  const applied: Finding[] = [];
  for (const finding of findings) {
    if (finding.file !== parsed.file || !finding.fix || finding.suppressed) continue;
    const fresh = finding.fix.edits.filter((e) => !seen.has(editKey(e)));
    if (fresh.length !== finding.fix.edits.length) continue;
    for (const e of fresh) seen.add(editKey(e));
    edits.push(...fresh);
    applied.push(finding);
  }
  if (edits.length === 0) return { file: parsed.file, before: parsed.text, after: parsed.text, applied: [] };
  try {
    return { file: parsed.file, before: parsed.text, after: applyEdits(parsed, edits), applied };
  } catch (err) {
    return { file: parsed.file, before: parsed.text, after: parsed.text, applied: [], error: (err as Error).message };
  }
}

/** Fix plans for every file of a run that has fixable findings. Pure: nothing is written. */
export function planFixes(result: LintResult): FilePlan[] {
  return result.files
    .map((parsed) => fixParsedFile(parsed, result.findings))
    .filter((plan) => plan.applied.length > 0 || plan.error !== undefined);
}
