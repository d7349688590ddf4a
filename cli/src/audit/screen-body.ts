import type { AuditState } from './audit-types.js';
import { dirtyFiles, selectVisible } from './audit-selectors.js';
import { detailLines } from './detail-lines.js';
import { diffLines } from './diff-lines.js';
import { findingsLines } from './findings-lines.js';
import { helpLines } from './help-lines.js';
import { secretValues } from './secret-values.js';
import { shortNames } from './short-names.js';
import { clip, plain, seg, SEVERITY_STYLE, truncate, type StyledLine } from './styled-line.js';
import { summaryLines } from './summary-lines.js';

/** One rendered screen: title, exactly `height - 3` body lines, status and key hints. */
export interface ScreenFrame {
  title: StyledLine;
  body: StyledLine[];
  status: StyledLine;
  hints: string;
  /** Last scroll position of a scrolling screen (0 for the list). */
  scrollMax: number;
  /** Lines a page key moves. */
  page: number;
}

const HINTS: Record<string, string> = {
  findings: '↑↓jk move ⏎ open f fix / filter v r p sev/role/file Tab summary ? help q quit',
  summary: '↑↓jk scroll  Tab findings  u undo  s save  ? help  q quit',
  detail: '↑↓jk scroll  n N next/prev  f fix  Esc back  u undo  s save  ? help  q quit',
  diff: 'a/⏎ apply  Esc cancel  ↑↓jk scroll  q quit',
  help: 'Esc/? back  ↑↓jk scroll',
  'confirm-quit': 's save and quit  y quit without saving  Esc keep auditing',
};

/** Lays out the current screen of the audit for a terminal of `width` x `height` (all pure). */
export function screenFrame(state: AuditState, width: number, height: number): ScreenFrame {
  const bodyHeight = Math.max(3, height - 3);
  const { result } = state.analysis;
  const names = shortNames(result.files.map((f) => f.file));
  const visible = selectVisible(state);
  let lines: StyledLine[];
  let scrolls = true;
  switch (state.screen) {
    case 'detail': {
      const f = visible[state.selected];
      const parsed = f ? result.files.find((p) => p.file === f.file) : undefined;
      lines = f ? detailLines(f, { text: state.buffers[f.file]?.text, secrets: secretValues(parsed), names, position: `${state.selected + 1}/${visible.length}` }, width) : [plain('No finding selected.')];
      break;
    }
    case 'diff':
      lines = state.preview ? diffLines(state.preview, secretValues(result.files.find((p) => p.file === state.preview?.file)), width) : [];
      break;
    case 'help':
      lines = helpLines();
      break;
    case 'confirm-quit':
      lines = [plain('Unsaved changes in:', { bold: true }), ...dirtyFiles(state).map((b) => plain(`  ${b.file}`)), [], plain('  s    save them and quit'), plain('  y    quit without saving'), plain('  Esc  keep auditing')];
      break;
    default:
      if (state.pane === 'summary') {
        lines = summaryLines(state.analysis, names, width);
      } else {
        scrolls = false;
        const total = result.findings.filter((f) => !f.suppressed).length;
        lines = findingsLines({ visible, total, selected: state.selected, filter: state.filter, draft: state.draft, names }, width, bodyHeight);
      }
  }
  const scrollMax = scrolls ? Math.max(0, lines.length - bodyHeight) : 0;
  const scroll = Math.min(state.scroll, scrollMax);
  const body = lines.slice(scroll, scroll + bodyHeight).map((l) => clip(l, width));
  while (body.length < bodyHeight) body.push([]);
  const hintKey = state.screen === 'list' ? state.pane : state.screen;
  const below = scrolls ? lines.length - scroll - bodyHeight : 0;
  return {
    title: clip(title(state), width),
    body,
    status: clip(status(state, below), width),
    hints: truncate(HINTS[hintKey] ?? '', width),
    scrollMax,
    page: Math.max(1, bodyHeight - 2),
  };
}

function title(state: AuditState): StyledLine {
  const { counts } = state.analysis.result;
  const tab = (name: string, on: boolean) => seg(on ? `[${name}]` : ` ${name} `, { bold: on, dim: !on });
  return [
    seg('eos-lint audit ', { bold: true }),
    seg(`${counts.errors} ${SEVERITY_STYLE.error.label}${counts.errors === 1 ? '' : 's'}`, { color: 'red', bold: counts.errors > 0 }),
    seg(' '),
    seg(`${counts.warnings} warning${counts.warnings === 1 ? '' : 's'}`, { color: 'yellow', bold: counts.warnings > 0 }),
    seg(` ${counts.infos} info `, { color: 'cyan' }),
    tab('Findings', state.pane === 'findings'),
    tab('Summary', state.pane === 'summary'),
    seg(dirtyFiles(state).length > 0 ? ' ● unsaved' : '', { color: 'yellow', bold: true }),
  ];
}

function status(state: AuditState, below: number): StyledLine {
  if (state.status) {
    const color = state.status.kind === 'error' ? 'red' : state.status.kind === 'ok' ? 'green' : undefined;
    return [seg(state.status.text, { color, bold: state.status.kind !== 'info' })];
  }
  const dirty = dirtyFiles(state);
  if (dirty.length > 0) return plain(`● unsaved: ${dirty.map((b) => b.file).join(', ')} (s save, u undo)`, { color: 'yellow' });
  if (below > 0) return plain(`↓ ${below} more line${below === 1 ? '' : 's'} (j, PgDn)`, { dim: true });
  return [];
}
