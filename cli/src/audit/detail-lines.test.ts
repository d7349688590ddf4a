import { lintSources } from '@eoskit/lint';
import { describe, expect, it } from 'vitest';
import { detailLines } from './detail-lines.js';
import { secretValues } from './secret-values.js';
import { lineText } from './styled-line.js';

const producer = [
  '# orders writer',
  'transactional.id=orders-0',
  'transaction.timeout.ms=1200000',
  'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="hunter2-secret";',
  'acks=all',
].join('\n');
const result = lintSources([
  { file: 'producer.properties', text: producer },
  { file: 'server.properties', text: 'process.roles=broker\ntransaction.max.timeout.ms=900000\n' },
]);
const finding = result.findings.find((f) => f.ruleId === 'producer-transaction-timeout-exceeds-broker-max')!;
const names = new Map([['producer.properties', 'producer.properties'], ['server.properties', 'server.properties']]);
const render = (width = 80) => detailLines(finding, { text: producer, secrets: secretValues(result.files[0]), names, position: '1/3' }, width).map(lineText);

describe('audit > detail screen lines', () => {
  it('says what fails and how, current against recommended, and links the docs', () => {
    const lines = render().join('\n');
    expect(lines).toContain(' ERROR  producer-transaction-timeout-exceeds-broker-max (P6, B1)  1/3');
    expect(lines).toContain('Current      transaction.timeout.ms = 1200000');
    expect(lines).toMatch(/Suggestion +lower transaction\.timeout\.ms/);
    expect(lines).toContain('Why it fails: the application does not start');
    expect(lines).toContain('The transaction coordinator rejects');
    expect(lines).toContain('How to fix');
    expect(lines.replace(/\n {2}/g, '')).toContain(finding.docsUrl);
  });

  it('shows the cross-file value the finding depends on, with where it is written', () => {
    expect(render()).toContain('  server.properties:2  transaction.max.timeout.ms = 900000  broker');
  });

  it('marks the finding line in the file excerpt and never prints secrets', () => {
    const lines = render();
    expect(lines).toContain('> 3 │ transaction.timeout.ms=1200000');
    expect(lines).toContain('  2 │ transactional.id=orders-0');
    expect(lines.find((l) => l.includes('sasl.jaas.config'))).toBe('  4 │ sasl.jaas.config=[redacted]');
    expect(lines.join('\n')).not.toContain('hunter2');
  });

  it('wraps prose to the width', () => {
    const lines = render(60);
    const why = lines.findIndex((l) => l.startsWith('Why it fails'));
    for (const l of lines.slice(why)) expect([...l].length).toBeLessThanOrEqual(60);
    expect(lines.slice(why).filter((l) => l.startsWith('  ')).length).toBeGreaterThan(3);
  });
});
