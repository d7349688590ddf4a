import { describePipeline, lintSources } from '@eoskit/lint';
import { describe, expect, it } from 'vitest';
import { summaryLines } from './summary-lines.js';
import { lineText } from './styled-line.js';

const result = lintSources(
  [
    { file: 'producer.properties', text: 'acks=1\ntransactional.id=t\ntransaction.timeout.ms=1200000\n' },
    { file: 'consumer.properties', text: 'group.id=g\nisolation.level=read_uncommitted\n' },
    { file: 'server.properties', text: 'process.roles=broker\ntransaction.max.timeout.ms=900000\n' },
  ],
  { manifest: { brokers: 3, files: [{ path: 'producer.properties', role: 'producer', name: 'w' }, { path: 'consumer.properties', role: 'consumer', name: 'r' }, { path: 'server.properties', role: 'broker' }], feeds: [{ from: 'w', to: 'r' }] } },
);
const names = new Map(result.files.map((f) => [f.file, f.file]));
const lines = summaryLines({ result, links: describePipeline(result) }, names, 80).map(lineText);

describe('audit > summary screen lines', () => {
  it('counts findings by severity and by role', () => {
    const c = result.counts;
    expect(lines[0]).toContain(`Findings  ${c.errors} errors  ${c.warnings} warnings  ${c.infos} info`);
    const producer = result.findings.filter((f) => f.role === 'producer' && !f.suppressed).length;
    expect(lines.find((l) => l.startsWith('  producer '))).toMatch(new RegExp(`^  producer +${producer} `));
    expect(lines.find((l) => l.startsWith('  consumer '))).toMatch(/^ {2}consumer +[1-9]/);
  });

  it('lists the files with their roles, who feeds whom and the broker count', () => {
    expect(lines).toContain('  producer.properties  producer  (properties)');
    expect(lines).toContain('  producer.properties feeds consumer.properties');
    expect(lines.some((l) => l.startsWith('  cluster: 3 broker(s)'))).toBe(true);
  });

  it('shows which producer settings break which broker limits, violations first', () => {
    const at = lines.findIndex((l) => l.startsWith('✗ producer producer.properties:3 transaction.timeout.ms = 1200000'));
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toBe('    must be <= broker server.properties:2 transaction.max.timeout.ms = 900000');
    const firstOk = lines.findIndex((l) => l.startsWith('✓'));
    expect(firstOk === -1 || firstOk > at).toBe(true);
    for (const l of lines) expect([...l].length).toBeLessThanOrEqual(80);
  });
});
