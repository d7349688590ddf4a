import { structuredPatch } from 'diff';
import type { FixPreview } from './audit-types.js';
import { redactLine } from './secret-values.js';
import { plain, seg, wrapText, type StyledLine } from './styled-line.js';

const KIND_TEXT: Record<FixPreview['kind'], string> = {
  fix: 'Fix',
  suggestion: 'Suggestion (changes behaviour: review it)',
  file: 'Every fix of the file',
};

/**
 * A fix preview as a unified diff (two lines of context), secrets blanked,
 * with what the change resolves above it.
 */
export function diffLines(preview: FixPreview, secrets: readonly string[], width: number): StyledLine[] {
  const patch = structuredPatch(`a/${preview.file}`, `b/${preview.file}`, preview.before, preview.after, undefined, undefined, { context: 2 });
  const lines: StyledLine[] = [
    plain(KIND_TEXT[preview.kind], { bold: true }),
    ...wrapText(preview.description, width, '  ').map((l) => plain(l)),
    ...preview.resolves.slice(0, 5).flatMap((f) => wrapText(`resolves ${f.ruleId} (${f.file}:${f.line})`, width, '  ').map((l) => plain(l, { dim: true }))),
    ...(preview.resolves.length > 5 ? [plain(`  and ${preview.resolves.length - 5} more`, { dim: true })] : []),
    [],
    plain(`--- ${patch.oldFileName}`, { dim: true }),
    plain(`+++ ${patch.newFileName}`, { dim: true }),
  ];
  for (const hunk of patch.hunks) {
    lines.push(plain(`@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`, { color: 'cyan' }));
    for (const line of hunk.lines) {
      const sign = line[0];
      const text = redactLine(line.slice(1), secrets);
      if (sign === '+') lines.push([seg(`+${text}`, { color: 'green', bold: true })]);
      else if (sign === '-') lines.push([seg(`-${text}`, { color: 'red' })]);
      else if (sign === '\\') lines.push(plain(line, { dim: true }));
      else lines.push(plain(` ${text}`));
    }
  }
  return lines;
}
