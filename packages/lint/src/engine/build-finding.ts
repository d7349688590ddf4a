import { ruleDocsUrl } from '../docs-url.js';
import type { RelatedRef } from '../functions/function-types.js';
import type { Edit } from '../model.js';
import { ruleAliases, type RuleEdit, type Severity } from '../rule/rule-types.js';
import { displayKey } from './display-key.js';
import type { RawFinding } from './evaluate-rule.js';
import { capSeverity, type Finding, type FixProposal, type RelatedValue } from './finding.js';
import { keyToAdd } from './key-candidates.js';
import { printableValue, REDACTED } from './redact.js';
import { renderMessage } from './render-message.js';

/** Turns a raw violation into the Finding users and formatters see. */
export function buildFinding(raw: RawFinding, severity: Severity): Finding {
  const { rule, view, entry, effective } = raw;
  const { unit } = view;
  const canonicalKey = raw.key;
  const shownKey = entry?.rawKey ?? (canonicalKey ? displayKey(unit.role, unit.dialect, canonicalKey) : null);
  const secret = entry ? printableValue(entry) === REDACTED : false;
  // Show the value as the user wrote it (`readUncommitted: true`, `30 s`), not its normalized form.
  const current = entry ? (secret ? REDACTED : entry.rawValue) : (effective?.value ?? null);
  const data: Record<string, string | undefined> = {
    ...raw.data,
    key: shownKey ?? '',
    value: current ?? 'unset',
    kafkaVersion: view.kafkaVersion,
    defaulted: defaultedNote(raw),
    fixValue: raw.fixValue,
  };
  const template = (raw.messageId && rule.messages?.[raw.messageId]) || rule.message;
  let message = renderMessage(template, data);
  if (raw.assumption) message += ` (${raw.assumption})`;
  const position = entry?.position ?? view.anchor;
  const fix = rule.fix ? toProposal(rule.fix, raw, data) : undefined;
  const suggestion = rule.suggestion ? toProposal(rule.suggestion, raw, data) : undefined;
  const recommended = raw.recommended ?? (rule.recommended ? renderMessage(rule.recommended, data) : undefined);
  return {
    ruleId: rule.id,
    aliases: ruleAliases(rule),
    severity: raw.assumption ? capSeverity(severity, 'warning') : severity,
    file: unit.file,
    line: position.line,
    column: position.column,
    key: shownKey,
    value: secret ? REDACTED : current,
    message,
    ...(fix ? { fix } : {}),
    ...(suggestion ? { suggestion } : {}),
    unitId: unit.id,
    role: unit.role,
    rationale: rule.rationale,
    remediation: rule.remediation,
    docsUrl: ruleDocsUrl(rule.id, rule.docs),
    ...(recommended !== undefined && !recommended.includes('{{') ? { recommended } : {}),
    related: raw.related.map(toRelated).filter((r): r is RelatedValue => r !== undefined),
    ...(raw.assumption ? { assumption: raw.assumption } : {}),
  };
}

function defaultedNote(raw: RawFinding): string {
  const source = raw.effective?.source;
  if (!source || source === 'user') return '';
  if (source === 'derived') return ` (not set: ${raw.effective?.note})`;
  if (source === 'inherited') {
    const from = raw.effective?.from;
    return from ? ` (not set: inherited from ${from.unit.file}, ${raw.effective?.note?.replace(/^inherited from /, '')})` : ` (not set: ${raw.effective?.note})`;
  }
  if (source === 'default') return ` (not set: the default in Kafka ${raw.view.kafkaVersion})`;
  return ''; // no default: the value itself reads "unset"
}

function toProposal(edit: RuleEdit, raw: RawFinding, data: Record<string, string | undefined>): FixProposal | undefined {
  const { unit } = raw.view;
  const key = edit.key ?? raw.key;
  if (!key) return undefined;
  const existing = raw.view.userEntry(key);
  const target = existing?.key ?? keyToAdd(unit.role, key);
  let change: Edit;
  if (edit.action === 'set') {
    const value = renderMessage(edit.value ?? '', data);
    if (value.includes('{{')) return undefined;
    change = { kind: 'set', unitId: unit.id, key: target, value };
  } else if (edit.action === 'remove') {
    if (!existing) return undefined;
    change = { kind: 'remove', unitId: unit.id, key: existing.key };
  } else {
    if (!existing) return undefined;
    change = { kind: 'rename', unitId: unit.id, from: existing.key, to: keyToAdd(unit.role, edit.to as string) };
  }
  return { description: renderMessage(edit.description, data), edits: [change] };
}

function toRelated(ref: RelatedRef): RelatedValue | undefined {
  const view = ref.view;
  if (!view) return undefined;
  const entry = view.userEntry(ref.key);
  const position = entry?.position ?? view.anchor;
  return {
    file: view.unit.file,
    line: position.line,
    column: position.column,
    key: entry?.rawKey ?? displayKey(view.unit.role, view.unit.dialect, ref.key),
    value: entry ? (printableValue(entry) === REDACTED ? REDACTED : entry.rawValue) : ref.value,
    role: view.unit.role,
    unitId: view.unit.id,
    ...(entry ? {} : { note: ref.note ?? 'default' }),
  };
}
