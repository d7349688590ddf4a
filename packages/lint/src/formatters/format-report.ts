import { formatGithub } from './github.js';
import { formatJson } from './json.js';
import type { ReportInput } from './report-input.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

/** Output formats of eos-lint. */
export type ReportFormat = 'stylish' | 'json' | 'sarif' | 'github';

/** Every format, for CLI validation. */
export const REPORT_FORMATS: readonly ReportFormat[] = ['stylish', 'json', 'sarif', 'github'];

/** Formats a run in one of the report formats. */
export function formatReport(input: ReportInput, format: ReportFormat, options: { color?: boolean; version?: string } = {}): string {
  switch (format) {
    case 'json': return formatJson(input);
    case 'sarif': return formatSarif(input, { version: options.version });
    case 'github': return formatGithub(input);
    default: return formatStylish(input, { color: options.color });
  }
}
