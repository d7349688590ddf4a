import type { Finding } from '../engine/finding.js';
import type { ReportInput } from './report-input.js';
import { visibleFindings } from './report-input.js';

/** Options of {@link formatStylish}. */
export interface StylishOptions {
  /** ANSI colours (the CLI turns them off for NO_COLOR and non-TTY output). */
  color?: boolean;
}

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;

/** `--format stylish` (default): ESLint-like, grouped by file, with a summary line. */
export function formatStylish(input: ReportInput, options: StylishOptions = {}): string {
  const c = (code: string, s: string): string => (options.color ? `\u001b[${code}m${s}\u001b[0m` : s);
  const colour = { error: '31', warning: '33', info: '34' } as const;
  const findings = visibleFindings(input);
  if (findings.length === 0) return '';
  const byFile = new Map<string, Finding[]>();
  for (const f of findings) byFile.set(f.file, [...(byFile.get(f.file) ?? []), f]);
  const out: string[] = [];
  for (const [file, list] of byFile) {
    out.push('', c('4', file));
    const pos = Math.max(...list.map((f) => `${f.line}:${f.column}`.length));
    for (const f of list) {
      const where = `${f.line}:${f.column}`.padEnd(pos);
      out.push(`  ${c('2', where)}  ${c(colour[f.severity], f.severity.padEnd(7))}  ${f.message}  ${c('2', f.ruleId)}`);
      for (const r of f.related) out.push(`  ${' '.repeat(pos)}           ${c('2', `related: ${r.file}:${r.line} ${r.key}=${r.value ?? 'unset'}${r.note ? ` (${r.note})` : ''}`)}`);
    }
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  const warnings = findings.filter((f) => f.severity === 'warning').length;
  const infos = findings.length - errors - warnings;
  const mark = errors > 0 ? c('31', '\u2716') : c('33', '\u26a0');
  out.push('', `${mark} ${plural(findings.length, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')}, ${infos} info)`);
  const fixable = findings.filter((f) => f.fix).length;
  if (fixable > 0) out.push(`  ${plural(fixable, 'problem')} fixable with the \`--fix\` option.`);
  return out.join('\n') + '\n';
}
