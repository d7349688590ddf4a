import { ROLES, summarizeFindings, type PipelineLink, type PipelineValue } from '@eoskit/lint';
import type { Analysis } from './audit-types.js';
import { fit, plain, seg, SEVERITY_STYLE, wrapText, type Segment, type StyledLine } from './styled-line.js';

const STATUS: Record<PipelineLink['status'], { mark: string; color: Segment['color'] }> = {
  violated: { mark: '✗', color: 'red' },
  ok: { mark: '✓', color: 'green' },
  suppressed: { mark: '~', color: 'gray' },
  unknown: { mark: '?', color: 'yellow' },
};

const OP_TEXT: Record<PipelineLink['op'], string> = { '<=': 'must be <=', '<': 'must be <', '>=': 'must be >=', '>': 'must be >' };

/**
 * The summary pane: counts by severity, role and file, the files and roles
 * that form the pipeline, and each cross-file relation (a producer's
 * transaction timeout against the brokers' maximum, replication factors
 * against the broker count...) with whether it holds.
 */
export function summaryLines(analysis: Analysis, names: ReadonlyMap<string, string>, width: number): StyledLine[] {
  const { result, links } = analysis;
  const summary = summarizeFindings(result.findings);
  const name = (file: string) => names.get(file) ?? file;
  const lines: StyledLine[] = [
    [
      seg('Findings  ', { bold: true }),
      ...(['error', 'warning', 'info'] as const).flatMap((s) => [seg(`${summary.bySeverity[s]} ${SEVERITY_STYLE[s].label}${summary.bySeverity[s] === 1 || s === 'info' ? '' : 's'}`, { color: SEVERITY_STYLE[s].color, bold: summary.bySeverity[s] > 0 }), seg('  ')]),
      seg(`${result.counts.fixable} fixable, ${summary.suppressed} suppressed`, { dim: true }),
    ],
    [],
  ];
  const roleRows = [...ROLES, ...(summary.byRole.file > 0 ? (['file'] as const) : [])].map((r) => `  ${r.padEnd(10)}${String(summary.byRole[r]).padStart(4)}`);
  const perFile = new Map<string, number>();
  for (const f of result.findings) if (!f.suppressed) perFile.set(f.file, (perFile.get(f.file) ?? 0) + 1);
  const fileRows = result.files.map((f) => `  ${fit(name(f.file), Math.max(10, width - 40))}${String(perFile.get(f.file) ?? 0).padStart(4)}`);
  const half = Math.min(30, Math.floor(width / 2));
  lines.push([seg(fit('By role', half), { bold: true }), seg('By file', { bold: true })]);
  for (let i = 0; i < Math.max(roleRows.length, fileRows.length); i++) lines.push([seg(fit(roleRows[i] ?? '', half)), seg(fileRows[i] ?? '')]);
  lines.push([], plain('Pipeline', { bold: true }));
  for (const f of result.files) {
    const roles = [...new Set(f.units.map((u) => (u.name && u.name !== u.role ? `${u.role} ${u.name}` : u.role)))].join(', ');
    lines.push([seg(`  ${name(f.file)}`), seg(`  ${roles || 'no config found'}  (${f.format})`, { dim: true })]);
  }
  for (const edge of result.facts?.feeds ?? []) lines.push(plain(`  ${unitName(edge.from, names)} feeds ${unitName(edge.to, names)}`, { dim: true }));
  const brokers = links.find((l) => l.limit.key === 'brokers')?.limit;
  if (brokers) lines.push(plain(`  cluster: ${brokers.value} broker(s) (${brokers.note ?? brokers.source})`, { dim: true }));
  lines.push([]);
  if (links.length === 0) lines.push(plain('  No cross-file relation applies to these configs.', { dim: true }));
  const order: PipelineLink['status'][] = ['violated', 'unknown', 'suppressed', 'ok'];
  for (const link of [...links].sort((a, b) => order.indexOf(a.status) - order.indexOf(b.status))) {
    const status = STATUS[link.status];
    wrapText(valueText(link.subject, name), width - 2).forEach((l, i) => lines.push([seg(i === 0 ? `${status.mark} ` : '  ', { color: status.color, bold: true }), seg(l, { bold: link.status === 'violated' })]));
    wrapText(`${OP_TEXT[link.op]} ${valueText(link.limit, name)}`, width - 4).forEach((l) => lines.push(plain(`    ${l}`, { dim: false })));
  }
  return lines;
}

function valueText(v: PipelineValue, name: (file: string) => string): string {
  const where = v.file ? `${name(v.file)}:${v.line} ` : '';
  const how = v.source === 'user' ? '' : ` (${v.source}${v.note ? `: ${v.note}` : ''})`;
  return `${v.role && v.key !== 'brokers' ? `${v.role} ` : ''}${where}${v.key} = ${v.value ?? 'unset'}${how}`;
}

function unitName(unitId: string, names: ReadonlyMap<string, string>): string {
  const [file = unitId, path] = unitId.split('#');
  return `${names.get(file) ?? file}${path ? `#${path}` : ''}`;
}
