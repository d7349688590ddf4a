import { ruleAliases, type RuleDefinition, type RuleEdit } from './rule-types.js';

const FAILURE_TEXT: Record<RuleDefinition['rationale']['failureMode'], string> = {
  duplicates: 'duplicates',
  loss: 'data loss',
  zombie: 'zombie producers',
  'stalled-lso': 'stalled last stable offset (read_committed consumers stop)',
  'no-start': 'the application does not start',
  hygiene: 'hygiene (misleading or dead configuration)',
};

/** The failure mode in words. */
export function failureModeText(rule: RuleDefinition): string {
  return FAILURE_TEXT[rule.rationale.failureMode];
}

function editText(edit: RuleEdit, given: string | undefined): string {
  const key = edit.key ?? (given && given !== '*' ? given : undefined);
  const target = key ? `\`${key}\`` : 'the key';
  const shown = (v: string | undefined): string => (v === undefined || v.includes('{{') ? 'the value named in the finding' : `\`${v}\``);
  if (edit.action === 'set') return `set ${target} to ${shown(edit.value)}`;
  if (edit.action === 'rename') return `rename ${target} to ${shown(edit.to)}`;
  return `remove ${target}`;
}

function editReason(edit: RuleEdit): string {
  return edit.description.includes('{{') ? '' : `: ${edit.description}`;
}

/** The Markdown page of a rule: docs/rules/<id>.md and SARIF `help.markdown`. */
export function ruleMarkdown(rule: RuleDefinition): string {
  const when = rule['applies-when'] ?? {};
  const lines = [
    `# ${rule.id}`,
    '',
    `**${rule.title}**`,
    '',
    '| | |',
    '|---|---|',
    `| Severity | ${rule.severity} |`,
    `| Catalogue code | ${ruleAliases(rule).join(', ') || '-'} |`,
    `| Roles | ${rule.scope.roles.join(', ')} |`,
    `| Dialects | ${rule.scope.dialects?.join(', ') ?? 'all'} |`,
    `| Kafka versions | ${when.kafka ?? 'all'} |`,
    `| Only when exactly-once is in use | ${when.eos ? 'yes' : 'no'} |`,
    `| Failure mode | ${failureModeText(rule)} |`,
    `| Auto-fix | ${rule.fix ? 'yes (`eos-lint --fix`)' : 'no'} |`,
    '',
    '## What goes wrong',
    '',
    rule.rationale.text.trim(),
    '',
    '## How to fix it',
    '',
    rule.remediation.trim(),
  ];
  if (rule.fix) lines.push('', `\`eos-lint --fix\` will ${editText(rule.fix, rule.given?.key)}${editReason(rule.fix)}.`);
  if (rule.suggestion) lines.push('', `Suggested, never applied automatically: ${editText(rule.suggestion, rule.given?.key)}${editReason(rule.suggestion)}.`);
  if (when.when) {
    lines.push('', '## Applies when', '', ...when.when.map((c) => `- \`${c.key}\` passes \`${c.check}\` ${c.options ? '`' + JSON.stringify(c.options) + '`' : ''}`));
  }
  const ex = (rule.given?.keys ?? (rule.given?.key ? [rule.given.key] : [])).filter((k) => k !== '*');
  if (ex.length > 0) lines.push('', '## Keys', '', ...ex.map((k) => `- \`${k}\``));
  if (rule.references && rule.references.length > 0) lines.push('', '## References', '', ...rule.references.map((r) => `- ${r}`));
  return lines.join('\n') + '\n';
}
