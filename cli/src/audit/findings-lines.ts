import type { Finding } from '@eoskit/lint';
import { describeFilter } from './filter-findings.js';
import type { Filter } from './audit-types.js';
import { fit, plain, seg, SEVERITY_STYLE, wrapText, type StyledLine } from './styled-line.js';

/** What the findings screen shows. */
export interface FindingsView {
  visible: readonly Finding[];
  /** Unsuppressed findings before filtering. */
  total: number;
  selected: number;
  filter: Filter;
  /** Filter text being typed, or null. */
  draft: string | null;
  names: ReadonlyMap<string, string>;
}

/** First row of the list window that keeps `selected` in view, centred when possible. */
export function windowStart(selected: number, count: number, rows: number): number {
  if (count <= rows) return 0;
  return Math.max(0, Math.min(selected - Math.floor(rows / 2), count - rows));
}

/**
 * The findings screen: a filter bar, the findings grouped under their file
 * (severity, fix mark, line, key, rule) and the selected finding's message
 * under a rule. Exactly `height` lines.
 */
export function findingsLines(view: FindingsView, width: number, height: number): StyledLine[] {
  const previewRows = height >= 16 ? 3 : 1;
  const rows = Math.max(1, height - 2 - previewRows);
  const lines: StyledLine[] = [filterBar(view, width)];
  if (view.visible.length === 0) {
    lines.push(plain(view.total === 0 ? '  No findings: these configs keep exactly-once.' : '  No finding matches the filter (Esc or c clears it).', { color: 'green' }));
  }
  const { list, selectedRow } = groupedRows(view, width);
  const top = windowStart(selectedRow, list.length, rows);
  lines.push(...list.slice(top, top + rows));
  while (lines.length < rows + 1) lines.push([]);
  lines.push(plain('─'.repeat(width), { dim: true }));
  const current = view.visible[view.selected];
  const message = current ? wrapText(current.message, width - 1, ' ') : [];
  for (let i = 0; i < previewRows; i++) lines.push(plain(message[i] ?? ''));
  return lines;
}

/** One header row per file, then a row per finding; and the row of the selected finding. */
function groupedRows(view: FindingsView, width: number): { list: StyledLine[]; selectedRow: number } {
  const list: StyledLine[] = [];
  let selectedRow = 0;
  let file: string | undefined;
  view.visible.forEach((f, i) => {
    if (f.file !== file) {
      file = f.file;
      const n = view.visible.filter((g) => g.file === f.file).length;
      list.push([seg(view.names.get(f.file) ?? f.file, { bold: true, color: 'magenta' }), seg(`  ${n} finding${n === 1 ? '' : 's'}`, { dim: true })]);
    }
    if (i === view.selected) selectedRow = list.length;
    list.push(findingRow(f, i === view.selected, width));
  });
  return { list, selectedRow };
}

function filterBar(view: FindingsView, width: number): StyledLine {
  const count = `${view.visible.length}/${view.total}`;
  if (view.draft !== null) {
    return [seg('/', { bold: true, color: 'cyan' }), seg(view.draft), seg('█', { dim: true }), seg(`  ${count}  Enter keep · Esc cancel`, { dim: true })];
  }
  const active = describeFilter(view.filter);
  const left = active ? `Filter: ${active}` : 'All findings (/ to filter)';
  return [seg(fit(left, Math.max(0, width - count.length - 1)), { bold: active !== '' }), seg(` ${count}`, { dim: true })];
}

function findingRow(f: Finding, selected: boolean, width: number): StyledLine {
  const style = SEVERITY_STYLE[f.severity];
  const fixMark = f.fix ? '+' : f.suggestion ? '~' : ' ';
  const keyWidth = Math.max(10, Math.floor((width - 12) / 2));
  const ruleWidth = Math.max(0, width - 11 - keyWidth - 1);
  const inverse = selected ? { inverse: true } : {};
  return [
    seg(selected ? '›' : ' ', { bold: true, ...inverse }),
    seg(` ${style.mark}`, { color: style.color, bold: true, ...inverse }),
    seg(fixMark, { color: 'green', bold: true, ...inverse }),
    seg(`${String(f.line).padStart(5)}  `, { dim: !selected, ...inverse }),
    seg(fit(f.key ?? '(file)', keyWidth), { bold: true, ...inverse }),
    seg(' ', inverse),
    seg(fit(f.ruleId, ruleWidth), { dim: !selected, ...inverse }),
  ];
}
