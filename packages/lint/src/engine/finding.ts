import type { Edit, Role } from '../model.js';
import type { FailureMode, Severity } from '../rule/rule-types.js';

/** A value in another place that a finding depends on (the broker's max for a client timeout). */
export interface RelatedValue {
  file: string;
  line: number;
  column: number;
  /** Key as written there (or its normalized name when not set). */
  key: string;
  /** Value there (redacted if secret); null when unset. */
  value: string | null;
  role: Role;
  unitId: string;
  /** How the value was obtained when not written there ("default", "assumed"). */
  note?: string;
}

/** An edit the engine can apply (fix) or only show (suggestion). */
export interface FixProposal {
  description: string;
  edits: Edit[];
}

/** An inline suppression that silenced a finding. */
export interface SuppressionInfo {
  kind: 'inSource' | 'config';
  justification?: string;
  /** Line of the suppression comment (inSource). */
  line?: number;
}

/** One problem found: where, what, why it matters and how to fix it. */
export interface Finding {
  ruleId: string;
  /** Catalogue codes of the rule (P2, B4...). */
  aliases: string[];
  severity: Severity;
  file: string;
  line: number;
  column: number;
  /** The key as the user wrote it; null for file-level findings. */
  key: string | null;
  /** Current value (redacted if secret); null when unset. */
  value: string | null;
  message: string;
  /** Deterministic local fix, applied by --fix. */
  fix?: FixProposal;
  /** Change that alters behaviour or spans files: shown, never applied. */
  suggestion?: FixProposal;
  unitId: string | null;
  role: Role | null;
  rationale: { failureMode: FailureMode; text: string };
  remediation: string;
  docsUrl: string;
  /** Recommended value, when the rule has one. */
  recommended?: string;
  /** Values elsewhere that the finding depends on. */
  related: RelatedValue[];
  /** Set when the finding rests on a config nobody showed (severity capped at warning). */
  assumption?: string;
  /** Set when suppressed; suppressed findings do not count for exit codes. */
  suppressed?: SuppressionInfo;
}

/** Severity order, most severe first. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** The less severe of two severities. */
export function capSeverity(severity: Severity, cap: Severity): Severity {
  return SEVERITY_RANK[severity] >= SEVERITY_RANK[cap] ? severity : cap;
}

/** Report order: file, line, column, rule. */
export function compareFindings(a: Finding, b: Finding): number {
  return cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.ruleId, b.ruleId);
}

/** Code-unit order: stable across locales and much cheaper than localeCompare. */
function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
