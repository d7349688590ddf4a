import { KEY_HELP } from './audit-keys.js';
import { plain, seg, SEVERITY_STYLE, type StyledLine } from './styled-line.js';

/** The help screen: every key, and what the list's marks mean. */
export function helpLines(): StyledLine[] {
  return [
    plain('Keys', { bold: true }),
    ...KEY_HELP.map(([keys, text]) => [seg(`  ${keys.padEnd(10)}`, { bold: true, color: 'cyan' }), seg(text)]),
    [],
    plain('Marks in the list', { bold: true }),
    [seg('  E W I', { bold: true }), seg(`  ${Object.values(SEVERITY_STYLE).map((s) => s.label).join(', ')}`)],
    [seg('  + ~  ', { bold: true, color: 'green' }), seg('  has a local fix / a suggestion (f previews either)')],
    [],
    plain('Fixes are applied in memory and re-linted at once; s writes the files.', { dim: true }),
    plain('Press ? or Esc to go back.', { dim: true }),
  ];
}
