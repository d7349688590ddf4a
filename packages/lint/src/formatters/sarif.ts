import { createHash } from 'node:crypto';
import { ruleDocsUrl } from '../docs-url.js';
import type { Finding } from '../engine/finding.js';
import { ruleMarkdown } from '../rule/rule-markdown.js';
import { ruleAliases, type RuleDefinition, type Severity } from '../rule/rule-types.js';
import type { ReportInput } from './report-input.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** Tool identity written into SARIF. */
export interface SarifOptions {
  version?: string;
}

/** A fingerprint that survives line moves: rule, file, unit and key. */
function fingerprint(f: Finding): string {
  return createHash('sha256').update([f.ruleId, f.file, f.unitId ?? '', f.key ?? '', f.key ? '' : String(f.line)].join('\0')).digest('hex').slice(0, 32);
}

function location(file: string, line: number, column: number) {
  return {
    physicalLocation: {
      artifactLocation: { uri: encodeURI(file), uriBaseId: '%SRCROOT%' },
      region: { startLine: Math.max(1, line), startColumn: Math.max(1, column) },
    },
  };
}

function ruleMeta(rule: RuleDefinition) {
  return {
    id: rule.id,
    name: rule.id.replace(/(^|-)([a-z0-9])/g, (_m, _d, ch: string) => ch.toUpperCase()),
    shortDescription: { text: rule.title },
    fullDescription: { text: rule.rationale.text.trim() },
    helpUri: ruleDocsUrl(rule.id, rule.docs),
    help: { text: rule.remediation.trim(), markdown: ruleMarkdown(rule) },
    defaultConfiguration: { level: LEVEL[rule.severity] },
    properties: {
      tags: ['exactly-once', 'kafka', rule.rationale.failureMode, ...rule.scope.roles, ...ruleAliases(rule)],
      precision: 'high',
      'problem.severity': rule.severity === 'info' ? 'recommendation' : rule.severity,
    },
  };
}

/** `--format sarif`: SARIF 2.1.0 for GitHub code scanning (suppressed findings carry `suppressions`). */
export function formatSarif(input: ReportInput, options: SarifOptions = {}): string {
  const rules = [...input.rules];
  const index = new Map(rules.map((r, i) => [r.id, i]));
  const results = input.findings.map((f) => ({
    ruleId: f.ruleId,
    ruleIndex: index.get(f.ruleId) ?? -1,
    level: LEVEL[f.severity],
    message: { text: f.message },
    locations: [location(f.file, f.line, f.column)],
    ...(f.related.length > 0
      ? { relatedLocations: f.related.map((r, i) => ({ id: i + 1, ...location(r.file, r.line, r.column), message: { text: `${r.key}=${r.value ?? 'unset'}${r.note ? ` (${r.note})` : ''}` } })) }
      : {}),
    partialFingerprints: { 'eosLint/v1': fingerprint(f) },
    ...(f.suppressed
      ? { suppressions: [{ kind: f.suppressed.kind === 'inSource' ? 'inSource' : 'external', ...(f.suppressed.justification ? { justification: f.suppressed.justification } : {}) }] }
      : {}),
  }));
  const log = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'eos-lint',
            ...(options.version ? { version: options.version, semanticVersion: options.version } : {}),
            informationUri: 'https://github.com/eoskit/eoskit/tree/main/packages/lint',
            rules: rules.map(ruleMeta),
          },
        },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The directory eos-lint ran in' } } },
        columnKind: 'unicodeCodePoints',
        results,
      },
    ],
  };
  return JSON.stringify(log, null, 2) + '\n';
}
