import type { ReportInput } from './report-input.js';
import { visibleFindings } from './report-input.js';

/** `--format json`: an array of findings as documented by schemas/report.schema.json. */
export function formatJson(input: ReportInput): string {
  const rows = visibleFindings(input).map((f) => ({
    ruleId: f.ruleId,
    severity: f.severity,
    file: f.file,
    line: f.line,
    column: f.column,
    key: f.key,
    value: f.value,
    message: f.message,
    ...(f.fix ? { fix: f.fix } : {}),
  }));
  return JSON.stringify(rows, null, 2) + '\n';
}
