import type { Finding } from '../engine/finding.js';
import { ROLES, type Role } from '../model.js';
import type { Severity } from '../rule/rule-types.js';

/** Counts for a summary screen: by severity and by role (file-level findings count under `file`). */
export interface FindingSummary {
  bySeverity: Record<Severity, number>;
  byRole: Record<Role | 'file', number>;
  suppressed: number;
}

/** Summarizes findings, leaving suppressed ones out of the counts. */
export function summarizeFindings(findings: readonly Finding[]): FindingSummary {
  const summary: FindingSummary = {
    bySeverity: { error: 0, warning: 0, info: 0 },
    byRole: Object.fromEntries([...ROLES, 'file'].map((r) => [r, 0])) as Record<Role | 'file', number>,
    suppressed: 0,
  };
  for (const f of findings) {
    if (f.suppressed) {
      summary.suppressed++;
      continue;
    }
    summary.bySeverity[f.severity]++;
    summary.byRole[f.role ?? 'file']++;
  }
  return summary;
}
