import { failureModeText, findRule, type Finding } from '@eoskit/lint';
import { redactLine } from './secret-values.js';
import { plain, seg, SEVERITY_STYLE, truncate, wrapText, type StyledLine } from './styled-line.js';

/** What the detail screen needs besides the finding. */
export interface DetailContext {
  /** Current text of the finding's file (undefined for live-cluster findings). */
  text?: string;
  secrets: readonly string[];
  names: ReadonlyMap<string, string>;
  /** "3/13": the finding's place in the list. */
  position: string;
}

const LABEL = 13;

/**
 * Every line of the detail screen for one finding: what is wrong, current vs
 * recommended value, the fix, related values in other files, the file excerpt
 * with the line marked, why it fails, how to fix it, and the docs link.
 */
export function detailLines(f: Finding, ctx: DetailContext, width: number): StyledLine[] {
  const style = SEVERITY_STYLE[f.severity];
  const name = (file: string) => ctx.names.get(file) ?? file;
  const lines: StyledLine[] = [
    [seg(` ${style.label.toUpperCase()} `, { color: style.color, bold: true, inverse: true }), seg(` ${f.ruleId}`, { bold: true }), seg(f.aliases.length ? ` (${f.aliases.join(', ')})` : '', { dim: true }), seg(`  ${ctx.position}`, { dim: true })],
    plain(`${name(f.file)}:${f.line}:${f.column}  ${f.role ?? 'file'}${f.key ? `  ${f.key}` : ''}`, { dim: true }),
    [],
    ...wrapText(f.message, width).map((l) => plain(l, { bold: true })),
    [],
    ...field('Current', f.key ? `${f.key} = ${f.value ?? 'unset'}` : '-', width),
    ...field('Recommended', f.recommended ?? 'see "How to fix"', width, f.recommended ? { color: 'green' } : { dim: true }),
    ...field(f.fix ? 'Fix' : f.suggestion ? 'Suggestion' : 'Fix', f.fix ? `${f.fix.description} (f: preview)` : f.suggestion ? `${f.suggestion.description} (f: preview; changes behaviour)` : 'none automatic: edit by hand', width),
  ];
  if (f.assumption) lines.push(...field('Assumed', f.assumption, width, { dim: true }));
  if (f.related.length > 0) {
    lines.push([], plain('Values elsewhere', { bold: true }));
    for (const r of f.related) {
      const where = r.file ? `${name(r.file)}:${r.line}` : 'cluster';
      lines.push([seg(`  ${truncate(where, 28)}  `, { dim: true }), seg(`${r.key} = ${r.value ?? 'unset'}`), seg(`  ${r.role}${r.note ? `, ${r.note}` : ''}`, { dim: true })]);
    }
  }
  if (ctx.text !== undefined) lines.push([], ...excerpt(f, ctx, width));
  const rule = findRule(f.ruleId);
  lines.push([], plain(`Why it fails: ${rule ? failureModeText(rule) : f.rationale.failureMode}`, { bold: true }));
  lines.push(...wrapText(f.rationale.text, width, '  ').map((l) => plain(l)));
  lines.push([], plain('How to fix', { bold: true }), ...wrapText(f.remediation, width, '  ').map((l) => plain(l)));
  lines.push([], plain('Docs', { bold: true }), ...wrapText(f.docsUrl, width, '  ').map((l) => plain(l, { color: 'cyan' })));
  return lines;
}

/** A labelled value, wrapped under its label. */
function field(label: string, value: string, width: number, style: Parameters<typeof seg>[1] = {}): StyledLine[] {
  return wrapText(value, width - LABEL).map((l, i) => [seg((i === 0 ? label : '').padEnd(LABEL), { dim: true }), seg(l, style)]);
}

/** Two lines either side of the finding's line, numbered, the line itself marked. */
function excerpt(f: Finding, ctx: DetailContext, width: number): StyledLine[] {
  const all = (ctx.text ?? '').split(/\r?\n/);
  const from = Math.max(1, f.line - 2);
  const to = Math.min(all.length, f.line + 2);
  const digits = String(to).length;
  const out: StyledLine[] = [plain(`── ${ctx.names.get(f.file) ?? f.file} ${'─'.repeat(Math.max(0, width - 5 - (ctx.names.get(f.file) ?? f.file).length))}`, { dim: true })];
  for (let n = from; n <= to; n++) {
    const text = redactLine(all[n - 1] ?? '', ctx.secrets);
    const mark = n === f.line;
    out.push([
      seg(mark ? '>' : ' ', { bold: true, color: mark ? SEVERITY_STYLE[f.severity].color : undefined }),
      seg(` ${String(n).padStart(digits)} │ `, { dim: !mark }),
      seg(text === '' && mark ? ' ' : text, mark ? { inverse: true } : {}),
    ]);
  }
  return out;
}
