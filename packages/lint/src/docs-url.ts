/**
 * Where rule pages live (docs/rules/<id>.md, generated from rules/*.yaml).
 * One constant so findings, SARIF helpUri and the TUI agree.
 */
export const DOCS_BASE_URL = 'https://github.com/eoskit/eoskit/blob/main/docs/rules/';

/** The docs page of a rule. */
export function ruleDocsUrl(ruleId: string, override?: string): string {
  return override ?? `${DOCS_BASE_URL}${ruleId}.md`;
}
