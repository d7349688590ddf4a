import { activeCatalogue } from '../engine/active-catalogue.js';
import { builtinFinding } from '../engine/builtin-finding.js';
import { compareFindings, type Finding } from '../engine/finding.js';
import { lintUnits } from '../engine/lint-units.js';
import type { PipelineFacts } from '../engine/pipeline.js';
import { isSecretKey, redactText } from '../engine/redact.js';
import { effectiveSeverity, type RuleSettings } from '../engine/rule-settings.js';
import type { ConfigUnit, ParsedFile, Role } from '../model.js';
import { parseFile } from '../parsers/index.js';
import { builtinRules } from '../rule/builtin-rules.js';
import type { RuleDefinition } from '../rule/rule-types.js';
import { applySuppressions } from './apply-suppressions.js';
import { countFindings, exitCodeOf, type FindingCounts } from './exit-code.js';
import type { Manifest } from './manifest-types.js';

/** A file's name (as reported) and content. */
export interface SourceText {
  file: string;
  text: string | Uint8Array;
}

/** Options of {@link lintSources} and lintFiles. */
export interface LintOptions {
  /** Forces the role of every unit (`--role`). */
  role?: Role;
  /** Kafka version whose defaults apply (default: the current one). */
  kafkaVersion?: string;
  /** Rule id or alias -> severity or `off` (config file). */
  rules?: RuleSettings;
  /** Pipeline facts known from outside (live cluster broker count). */
  facts?: PipelineFacts;
  /** Manifest; its file paths must match the source names. */
  manifest?: Manifest;
  /** Exit 1 when more warnings than this (-1 or undefined: no limit). */
  maxWarnings?: number;
  /** Report suppressions that silence nothing (default true). */
  reportUnusedSuppressions?: boolean;
  /** Units built elsewhere (a live cluster's broker and topic configs), linted with the files. */
  extraUnits?: ConfigUnit[];
}

/** Everything one lint run found; the input of formatters and of the TUI. */
export interface LintResult {
  kafkaVersion: string;
  /** Parsed files, with their units, text and suppressions (for fixes and excerpts). */
  files: ParsedFile[];
  /** All findings in report order, suppressed ones marked. */
  findings: Finding[];
  counts: FindingCounts;
  /** True when a file could not be read at all. */
  fatal: boolean;
  exitCode: 0 | 1 | 2;
  /** The rules in force (for SARIF rule metadata and docs). */
  rules: readonly RuleDefinition[];
  /** Pipeline facts in force (declared broker count, feeds), for {@link describePipeline}. */
  facts?: PipelineFacts;
}

/**
 * Lints file contents held in memory as one pipeline: parse, evaluate,
 * suppress, count. Pure (no file system), so editors and the TUI can re-lint
 * unsaved text.
 */
export function lintSources(sources: SourceText[], options: LintOptions = {}): LintResult {
  const catalogue = activeCatalogue();
  const kafkaVersion = catalogue.resolveVersion(options.kafkaVersion ?? options.manifest?.kafkaVersion ?? catalogue.defaultKafkaVersion);
  const byPath = new Map((options.manifest?.files ?? []).map((f) => [f.path, f]));
  const files = sources.map((s) => {
    const declared = byPath.get(s.file);
    const parsed = parseFile(s.file, s.text, { role: options.role ?? declared?.role });
    if (declared?.dialect) for (const unit of parsed.units) unit.dialect = declared.dialect;
    return parsed;
  });
  const units: ConfigUnit[] = [...files.flatMap((f) => f.units), ...(options.extraUnits ?? [])];
  const rules = builtinRules();
  const facts: PipelineFacts = { ...manifestFacts(options.manifest, files), ...options.facts };
  const evaluated = lintUnits(units, { rules, kafkaVersion, catalogue, facts, settings: options.rules });
  const problems = files.flatMap(problemFindings);
  const parseSetting = effectiveSeverity(rules.find((r) => r.id === 'parse-error') as RuleDefinition, options.rules);
  const unusedSetting = effectiveSeverity(rules.find((r) => r.id === 'unused-suppression') as RuleDefinition, options.rules);
  const all = applySuppressions(
    [...problems.filter((p) => parseSetting !== 'off' || p.severity === 'error'), ...evaluated],
    files.flatMap((f) => f.suppressions),
    options.reportUnusedSuppressions !== false && unusedSetting !== 'off',
  );
  if (unusedSetting !== 'off' && unusedSetting !== 'warning') for (const f of all) if (f.ruleId === 'unused-suppression') f.severity = unusedSetting;
  const findings = all.sort(compareFindings);
  const fatal = files.some((f) => f.problems.some((p) => p.fatal));
  return {
    kafkaVersion,
    files,
    findings,
    counts: countFindings(findings),
    fatal,
    exitCode: exitCodeOf(findings, { fatal, maxWarnings: options.maxWarnings }),
    rules,
    facts,
  };
}

function problemFindings(file: ParsedFile): Finding[] {
  const secrets = file.units.flatMap((u) => [...u.entries.values(), ...u.shadowed]).filter((e) => e.secret || isSecretKey(e.key)).map((e) => e.rawValue);
  return file.problems.map((p) =>
    builtinFinding('parse-error', {
      file: p.file,
      line: p.position.line,
      column: p.position.column,
      severity: p.fatal ? 'error' : 'warning',
      data: { problem: redactText(p.message, secrets) },
    }),
  );
}

function manifestFacts(manifest: Manifest | undefined, files: ParsedFile[]): PipelineFacts {
  if (!manifest) return {};
  const unitsOf = (name: string): string[] => {
    const entry = manifest.files?.find((f) => f.name === name || f.path === name);
    const path = entry?.path ?? name;
    return files.filter((f) => f.file === path).flatMap((f) => f.units.map((u) => u.id));
  };
  const list = (v: string | string[]): string[] => (Array.isArray(v) ? v : [v]);
  const feeds = (manifest.feeds ?? []).flatMap((edge) =>
    list(edge.from).flatMap((from) => list(edge.to).flatMap((to) => unitsOf(from).flatMap((f) => unitsOf(to).map((t) => ({ from: f, to: t }))))),
  );
  return {
    ...(manifest.brokers !== undefined ? { brokerCount: manifest.brokers, brokerCountSource: 'eos.yaml' } : {}),
    ...(feeds.length > 0 ? { feeds } : {}),
  };
}
