import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv } from 'ajv';
import addFormatsImport from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { lintSources } from '../api/lint-sources.js';
import { formatReport, REPORT_FORMATS } from './format-report.js';

const addFormats = addFormatsImport as unknown as (ajv: Ajv) => Ajv;
const schema = (path: string): object => JSON.parse(readFileSync(fileURLToPath(new URL(`../../../../schemas/${path}`, import.meta.url)), 'utf8')) as object;

const producer = `# writer
acks=1
transactional.id=orders-0
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="hunter2-first";
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="u" password="hunter2-second";
ssl.keystore.passwrd=hunter2-typo
# eos-lint-disable-next-line P4 -- wrapper caps it
max.in.flight.requests.per.connection=10
`;
const broker = `node.id=1
transaction.max.timeout.ms=900000
ssl.keystore.password=hunter2-broker
`;

function run() {
  return lintSources([
    { file: 'config/producer.properties', text: producer },
    { file: 'config/server.properties', text: broker },
  ]);
}

describe('formatters', () => {
  it('sarif validates against the official SARIF 2.1.0 schema and carries what code scanning needs', () => {
    // The official schema has a pattern that is invalid under the u flag, hence unicodeRegExp: false.
    const ajv = addFormats(new Ajv({ allErrors: true, strict: false, unicodeRegExp: false }));
    const validate = ajv.compile(schema('vendor/sarif-schema-2.1.0.json'));
    const log = JSON.parse(formatReport(run(), 'sarif', { version: '1.2.3' })) as {
      $schema: string;
      runs: Array<{ tool: { driver: { name: string; rules: Array<Record<string, unknown>> } }; results: Array<Record<string, unknown>> }>;
    };
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
    expect(log.$schema).toMatch(/sarif-2\.1\.0/);
    const [runLog] = log.runs;
    const rule = runLog!.tool.driver.rules.find((r) => r.id === 'producer-acks-not-all')!;
    expect(rule).toMatchObject({ shortDescription: { text: expect.any(String) }, fullDescription: { text: expect.any(String) }, defaultConfiguration: { level: 'error' } });
    expect(rule.helpUri).toMatch(/docs\/rules\/producer-acks-not-all\.md$/);
    expect((rule.help as { markdown: string }).markdown).toContain('## What goes wrong');
    const acks = runLog!.results.find((r) => r.ruleId === 'producer-acks-not-all')!;
    expect(acks).toMatchObject({
      level: 'error',
      locations: [{ physicalLocation: { artifactLocation: { uri: 'config/producer.properties' }, region: { startLine: 2 } } }],
      partialFingerprints: { 'eosLint/v1': expect.stringMatching(/^[0-9a-f]{32}$/) },
    });
    const suppressed = runLog!.results.find((r) => r.ruleId === 'producer-max-in-flight-too-high')!;
    expect(suppressed.suppressions).toEqual([{ kind: 'inSource', justification: 'wrapper caps it' }]);
  });

  it('sarif fingerprints survive lines moving', () => {
    const fp = (text: string) => {
      const log = JSON.parse(formatReport(lintSources([{ file: 'producer.properties', text }]), 'sarif')) as { runs: Array<{ results: Array<{ ruleId: string; partialFingerprints: Record<string, string> }> }> };
      return log.runs[0]!.results.find((r) => r.ruleId === 'producer-acks-not-all')!.partialFingerprints;
    };
    expect(fp('acks=1\n')).toEqual(fp('# a new comment\n\nacks=1\n'));
  });

  it('json validates against schemas/report.schema.json and leaves suppressed findings out', () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    const validate = ajv.compile(schema('report.schema.json'));
    const rows = JSON.parse(formatReport(run(), 'json')) as Array<{ ruleId: string; fix?: unknown }>;
    expect(validate(rows), JSON.stringify(validate.errors)).toBe(true);
    expect(rows.map((r) => r.ruleId)).not.toContain('producer-max-in-flight-too-high');
    expect(rows.find((r) => r.ruleId === 'producer-acks-not-all')?.fix).toBeDefined();
  });

  it.each(REPORT_FORMATS)('%s never prints a secret', (format) => {
    const out = formatReport(run(), format, { color: true });
    expect(out).not.toMatch(/hunter2/);
    expect(out.length).toBeGreaterThan(0);
  });

  it('stylish honours colour off and on', () => {
    expect(formatReport(run(), 'stylish', { color: false })).not.toContain('\u001b[');
    expect(formatReport(run(), 'stylish', { color: true })).toContain('\u001b[31m');
  });

  it('github escapes workflow-command syntax', () => {
    const out = formatReport(lintSources([{ file: 'a,b:c/producer.properties', text: 'acks=1\n' }]), 'github');
    expect(out).toContain('file=a%2Cb%3Ac/producer.properties,line=1,col=1');
    expect(out.split('\n')[0]).toMatch(/^::error /);
  });
});
