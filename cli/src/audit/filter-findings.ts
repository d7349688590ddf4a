import { ROLES, type Finding, type Role, type Severity } from '@eoskit/lint';
import type { Filter } from './audit-types.js';

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/** Filter tokens typed after `/`: `sev:error`, `role:producer`, `file:server`; the rest is free text. */
export interface ParsedFilterText {
  severity?: Severity;
  role?: Role | 'file';
  file?: string;
  words: string[];
}

/** Splits typed filter text into tokens and words (unknown token values stay words, so nothing is silently dropped). */
export function parseFilterText(text: string): ParsedFilterText {
  const out: ParsedFilterText = { words: [] };
  for (const raw of text.trim().split(/\s+/).filter(Boolean)) {
    const word = raw.toLowerCase();
    const [name, value = ''] = word.split(/:(.*)/s);
    if ((name === 'sev' || name === 'severity') && SEVERITIES.includes(value as Severity)) out.severity = value as Severity;
    else if (name === 'role' && ([...ROLES, 'file'] as string[]).includes(value)) out.role = value as Role | 'file';
    else if (name === 'file' && value !== '') out.file = value;
    else out.words.push(word);
  }
  return out;
}

/** The findings the list shows: unsuppressed, matching every part of the filter. */
export function visibleFindings(findings: readonly Finding[], filter: Filter): Finding[] {
  const typed = parseFilterText(filter.text);
  const severity = filter.severity ?? typed.severity;
  const role = filter.role ?? typed.role;
  return findings.filter((f) => {
    if (f.suppressed) return false;
    if (severity && f.severity !== severity) return false;
    if (role && (f.role ?? 'file') !== role) return false;
    if (filter.file && f.file !== filter.file) return false;
    if (typed.file && !f.file.toLowerCase().includes(typed.file)) return false;
    if (typed.words.length === 0) return true;
    const haystack = [f.ruleId, ...f.aliases, f.key ?? '', f.message, f.file].join('\n').toLowerCase();
    return typed.words.every((w) => haystack.includes(w));
  });
}

/**
 * The next value of a quick filter (`v` severity, `r` role, `p` file): all,
 * then each value that has unsuppressed findings, then all again.
 */
export function cycleFilter(filter: Filter, what: 'severity' | 'role' | 'file', findings: readonly Finding[]): Filter {
  const live = findings.filter((f) => !f.suppressed);
  const choices: Array<string | undefined> =
    what === 'severity'
      ? SEVERITIES.filter((s) => live.some((f) => f.severity === s))
      : what === 'role'
        ? [...ROLES, 'file'].filter((r) => live.some((f) => (f.role ?? 'file') === r))
        : [...new Set(live.map((f) => f.file))];
  const order = [undefined, ...choices];
  const next = order[(order.indexOf(filter[what]) + 1) % order.length];
  return { ...filter, [what]: next } as Filter;
}

/** A short description of the active filter for the filter bar ("" when none). */
export function describeFilter(filter: Filter): string {
  const parts: string[] = [];
  if (filter.severity) parts.push(`severity ${filter.severity}`);
  if (filter.role) parts.push(`role ${filter.role}`);
  if (filter.file) parts.push(`file ${filter.file}`);
  if (filter.text.trim()) parts.push(`"${filter.text.trim()}"`);
  return parts.join(', ');
}
