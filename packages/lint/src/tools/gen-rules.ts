/**
 * Compiles rules/*.yaml into src/generated/rule-bundle.ts and writes one
 * page per rule under docs/rules/. Run: `npm run gen:rules -w packages/lint`.
 * Exits 1 (printing `file path: message`) when a rule does not validate.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';
import { examplesMarkdown, type DocScenario } from '../rule/examples-markdown.js';
import { RULES_DIR } from '../rule/load-rules-dir.js';
import { fileURLToPath } from 'node:url';
import { loadRulesDir } from '../rule/load-rules-dir.js';
import { ruleAliases } from '../rule/rule-types.js';
import { ruleMarkdown } from '../rule/rule-markdown.js';

const BUNDLE = fileURLToPath(new URL('../generated/rule-bundle.ts', import.meta.url));
const DOCS = fileURLToPath(new URL('../../../../docs/rules/', import.meta.url));

const { rules, errors } = loadRulesDir();
if (errors.length > 0) {
  for (const e of errors) process.stderr.write(`${e.file} ${e.path}: ${e.message} [${e.code}]\n`);
  process.exitCode = 1;
} else {
  writeFileSync(
    BUNDLE,
    `// Generated from rules/*.yaml by src/tools/gen-rules.ts. Do not edit.\nimport type { RuleDefinition } from '../rule/rule-types.js';\n\nexport const RULE_BUNDLE: readonly RuleDefinition[] = ${JSON.stringify(rules, null, 2)};\n`,
  );
  mkdirSync(DOCS, { recursive: true });
  for (const f of readdirSync(DOCS)) if (f.endsWith('.md')) rmSync(DOCS + f);
  for (const rule of rules) {
    const tests = `${RULES_DIR}tests/${rule.id}.yaml`;
    const table = existsSync(tests) ? (parse(readFileSync(tests, 'utf8')) as { valid?: DocScenario[]; invalid?: DocScenario[] }) : undefined;
    writeFileSync(`${DOCS}${rule.id}.md`, ruleMarkdown(rule) + examplesMarkdown(table));
  }
  const index = [
    '# eos-lint rules',
    '',
    'Generated from `rules/*.yaml`. Each page says what fails, why, and how to fix it.',
    '',
    '| Rule | Code | Severity | Roles | Title |',
    '|---|---|---|---|---|',
    ...rules.map((r) => `| [${r.id}](${r.id}.md) | ${ruleAliases(r).join(', ')} | ${r.severity} | ${r.scope.roles.join(', ')} | ${r.title} |`),
  ];
  writeFileSync(`${DOCS}README.md`, index.join('\n') + '\n');
  process.stdout.write(`${rules.length} rules -> ${BUNDLE} and ${DOCS}\n`);
}
