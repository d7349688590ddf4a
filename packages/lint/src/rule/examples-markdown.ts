/** One scenario of rules/tests/<rule-id>.yaml, as far as the docs need it. */
export interface DocScenario {
  name: string;
  units: Array<{ role: string; dialect?: string; config: Record<string, unknown> }>;
}

function block(s: DocScenario): string[] {
  const lines = [`# ${s.name}`];
  for (const unit of s.units) {
    if (s.units.length > 1) lines.push(`# --- ${unit.role}${unit.dialect && unit.dialect !== 'java' ? ` (${unit.dialect})` : ''}`);
    for (const [k, v] of Object.entries(unit.config)) lines.push(`${k}=${String(v ?? '')}`);
  }
  return ['```properties', ...lines, '```'];
}

/** The "Examples" section of a rule page: the first failing and the first passing scenario of its table. */
export function examplesMarkdown(table: { valid?: DocScenario[]; invalid?: DocScenario[] } | undefined): string {
  const bad = table?.invalid?.[0];
  const good = table?.valid?.[0];
  if (!bad && !good) return '';
  const out = ['', '## Examples', ''];
  if (bad) out.push('Flagged:', '', ...block(bad), '');
  if (good) out.push('Passes:', '', ...block(good), '');
  return out.join('\n');
}
