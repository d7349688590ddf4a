/**
 * @eoskit/lint: the eos-lint engine. Finds the Kafka, Kafka Streams and Flink
 * settings that break exactly-once, says why, and fixes what can be fixed
 * locally.
 *
 * - {@link lintConfig}: one config object (what the writer, reader and processor call).
 * - {@link lintFiles} / {@link lintSources}: files or in-memory texts as one pipeline.
 * - {@link planFixes} / {@link fixParsedFile}: comment-preserving fixes.
 * - formatters: stylish, json, sarif, github.
 */

// document model (shared with the parsers)
export { ROLES } from './model.js';
export type {
  ClusterBrokers,
  ConfigEntry,
  ConfigUnit,
  Dialect,
  Edit,
  FormatHandler,
  KeySpec,
  KeyType,
  ParsedFile,
  ParseOptions,
  ParseProblem,
  Position,
  Role,
  SourceFormat,
  Suppression,
} from './model.js';

// programmatic API
export { lintConfig } from './api/lint-config.js';
export type { ConfigObject, LintConfigOptions, LintContext } from './api/lint-config.js';
export type { ConfigValue } from './api/memory-unit.js';
export { lintSources } from './api/lint-sources.js';
export type { LintOptions, LintResult, SourceText } from './api/lint-sources.js';
export { lintFiles, loadLintInputs } from './api/lint-files.js';
export type { LintFilesOptions, LintInputs } from './api/lint-files.js';
export { describePipeline } from './api/describe-pipeline.js';
export type { PipelineLink, PipelineValue } from './api/describe-pipeline.js';
export { expandPaths, displayPath } from './api/expand-paths.js';
export type { ExpandedPaths } from './api/expand-paths.js';
export { findConfigFile, loadConfigFile } from './api/config-file.js';
export type { LintConfigFile } from './api/config-file.js';
export type { Manifest, ManifestFile } from './api/manifest-types.js';
export { planFixes, fixParsedFile } from './api/plan-fixes.js';
export type { FilePlan } from './api/plan-fixes.js';
export { countFindings, exitCodeOf } from './api/exit-code.js';
export { summarizeFindings } from './api/summarize.js';
export type { FindingSummary } from './api/summarize.js';
export type { FindingCounts } from './api/exit-code.js';

// findings and rules
export type { Finding, FixProposal, RelatedValue, SuppressionInfo } from './engine/finding.js';
export { SEVERITY_RANK } from './engine/finding.js';
export type { RuleSetting, RuleSettings } from './engine/rule-settings.js';
export type { PipelineFacts } from './engine/pipeline.js';
export { REDACTED, isSecretKey, redactText } from './engine/redact.js';
export { builtinRules, findRule } from './rule/builtin-rules.js';
export { ruleMarkdown, failureModeText } from './rule/rule-markdown.js';
export { validateRules } from './rule/validate-rules.js';
export type { RuleLoadResult, RuleSource } from './rule/validate-rules.js';
export type { FailureMode, FlinkUnitKind, RuleCondition, RuleDefinition, RuleEdit, RuleLoadError, RuleLoadErrorCode, Severity } from './rule/rule-types.js';
export { ruleAliases } from './rule/rule-types.js';
export { DOCS_BASE_URL, ruleDocsUrl } from './docs-url.js';

// formatters
export { formatReport, REPORT_FORMATS } from './formatters/format-report.js';
export type { ReportFormat } from './formatters/format-report.js';
export { formatStylish } from './formatters/stylish.js';
export type { StylishOptions } from './formatters/stylish.js';
export { formatJson } from './formatters/json.js';
export { formatSarif } from './formatters/sarif.js';
export type { SarifOptions } from './formatters/sarif.js';
export { formatGithub } from './formatters/github.js';
export type { ReportInput } from './formatters/report-input.js';

// inputs half: parsers and key catalogues
export { parseFile, applyEdits, handlerFor, FORMAT_HANDLERS, roleFromFileName, roleFromKeys, decideRole } from './parsers/index.js';
export type { ParseFileOptions, RoleDecision } from './parsers/index.js';
export {
  KAFKA_VERSIONS,
  DEFAULT_KAFKA_VERSION,
  resolveVersion,
  compareVersions,
  parseVersion,
  keySpec,
  isKnownKey,
  rolesForKey,
  defaultValue,
  suggestKey,
  checkValue,
} from './catalogue/index.js';
export type { DefaultContext } from './catalogue/index.js';
