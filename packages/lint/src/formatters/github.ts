import type { ReportInput } from './report-input.js';
import { visibleFindings } from './report-input.js';

const COMMAND = { error: 'error', warning: 'warning', info: 'notice' } as const;

const escapeData = (s: string): string => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
const escapeProperty = (s: string): string => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** `--format github`: GitHub Actions workflow commands, one annotation per finding. */
export function formatGithub(input: ReportInput): string {
  return visibleFindings(input)
    .map(
      (f) =>
        `::${COMMAND[f.severity]} file=${escapeProperty(f.file)},line=${f.line},col=${f.column},title=${escapeProperty(`eos-lint ${f.ruleId}`)}::${escapeData(`${f.message} (${f.docsUrl})`)}\n`,
    )
    .join('');
}
