import type { Dialect, Role } from '../model.js';

/** Finding severity, most severe first. */
export type Severity = 'error' | 'warning' | 'info';

/** What goes wrong when the rule is violated (drives docs, SARIF tags and the TUI). */
export type FailureMode = 'duplicates' | 'loss' | 'zombie' | 'stalled-lso' | 'no-start' | 'hygiene';

/** Narrows flink units to sinks, sources or job configuration. */
export type FlinkUnitKind = 'flink-sink' | 'flink-source' | 'flink-job';

/** A condition on an effective value, evaluated with a check. */
export interface RuleCondition {
  key: string;
  check: string;
  options?: Record<string, unknown>;
}

/** A fix or suggestion as written in a rule file. */
export interface RuleEdit {
  action: 'set' | 'remove' | 'rename';
  /** Defaults to the key of the finding. */
  key?: string;
  /** For `set`; may hold {{placeholders}}. */
  value?: string;
  /** For `rename`. */
  to?: string;
  description: string;
}

/**
 * One rule, exactly as `rules/<id>.yaml` holds it (validated by
 * `schemas/rule.schema.json`).
 */
export interface RuleDefinition {
  id: string;
  alias?: string | string[];
  title: string;
  severity: Severity;
  /** Produced by the engine itself (parse errors, unused suppressions). */
  builtin?: boolean;
  scope: { roles: Role[]; dialects?: Dialect[] };
  'applies-when'?: {
    kafka?: string;
    eos?: boolean;
    unit?: FlinkUnitKind;
    when?: RuleCondition[];
  };
  given?: { key?: string; keys?: string[] };
  then?: { check?: string; function?: string; options?: Record<string, unknown> };
  message: string;
  messages?: Record<string, string>;
  rationale: { failureMode: FailureMode; text: string };
  remediation: string;
  recommended?: string;
  docs?: string;
  references?: string[];
  fix?: RuleEdit;
  suggestion?: RuleEdit;
}

/** A problem with a rule file, reported by the loader. */
export interface RuleLoadError {
  /** Stable code: RULE_YAML (unparsable), RULE_SCHEMA, RULE_ID_MISMATCH, RULE_UNKNOWN_CHECK, RULE_UNKNOWN_FUNCTION, RULE_OPTIONS, RULE_DUPLICATE_ID. */
  code: RuleLoadErrorCode;
  file: string;
  /** JSON pointer into the rule (`/then/options/values`). */
  path: string;
  message: string;
}

/** Closed set of loader error codes. */
export type RuleLoadErrorCode =
  | 'RULE_YAML'
  | 'RULE_SCHEMA'
  | 'RULE_ID_MISMATCH'
  | 'RULE_UNKNOWN_CHECK'
  | 'RULE_UNKNOWN_FUNCTION'
  | 'RULE_OPTIONS'
  | 'RULE_DUPLICATE_ID';

/** The aliases of a rule as a list. */
export function ruleAliases(rule: RuleDefinition): string[] {
  if (rule.alias === undefined) return [];
  return Array.isArray(rule.alias) ? rule.alias : [rule.alias];
}
