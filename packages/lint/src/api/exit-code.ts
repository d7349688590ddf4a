import type { Finding } from '../engine/finding.js';

/** Counts of the findings that are not suppressed. */
export interface FindingCounts {
  errors: number;
  warnings: number;
  infos: number;
  fixable: number;
}

/** Counts unsuppressed findings by severity. */
export function countFindings(findings: readonly Finding[]): FindingCounts {
  const counts: FindingCounts = { errors: 0, warnings: 0, infos: 0, fixable: 0 };
  for (const f of findings) {
    if (f.suppressed) continue;
    if (f.severity === 'error') counts.errors++;
    else if (f.severity === 'warning') counts.warnings++;
    else counts.infos++;
    if (f.fix) counts.fixable++;
  }
  return counts;
}

/**
 * eos-lint's exit code: 2 when a file could not be read (or usage error,
 * decided by the CLI), 1 for error-level findings or more warnings than
 * `maxWarnings` (when >= 0), else 0.
 */
export function exitCodeOf(findings: readonly Finding[], options: { fatal: boolean; maxWarnings?: number }): 0 | 1 | 2 {
  if (options.fatal) return 2;
  const counts = countFindings(findings);
  if (counts.errors > 0) return 1;
  if (options.maxWarnings !== undefined && options.maxWarnings >= 0 && counts.warnings > options.maxWarnings) return 1;
  return 0;
}
