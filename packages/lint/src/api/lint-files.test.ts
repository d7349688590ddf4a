import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { lintFiles } from './lint-files.js';
import { lintSources } from './lint-sources.js';
import { planFixes } from './plan-fixes.js';
import { summarizeFindings } from './summarize.js';

function workdir(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'eos-lint-files-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('lint > lintFiles', () => {
  it('lints directories and globs as one pipeline with relative paths', async () => {
    const cwd = workdir({ 'producer.properties': 'transactional.id=t\ntransaction.timeout.ms=1200000\n', 'server.properties': 'node.id=1\ntransaction.max.timeout.ms=900000\n' });
    const result = await lintFiles(['*.properties'], { cwd, configFile: false });
    const finding = result.findings.find((f) => f.ruleId === 'producer-transaction-timeout-exceeds-broker-max');
    expect(finding).toMatchObject({ file: 'producer.properties', line: 2, severity: 'error' });
    expect(finding?.related).toEqual([expect.objectContaining({ file: 'server.properties', line: 2 })]);
  });

  it('reports a usage error for paths that match nothing', async () => {
    await expect(lintFiles(['missing.properties'], { cwd: workdir({}), configFile: false })).rejects.toMatchObject({ code: 'CONFIG_INVALID', message: expect.stringContaining('missing.properties') });
  });

  it('reports an invalid manifest with its file and path', async () => {
    const cwd = workdir({ 'eos.yaml': 'brokers: many\n', 'producer.properties': 'acks=all\n' });
    await expect(lintFiles(['.'], { cwd, configFile: false })).rejects.toMatchObject({ message: expect.stringMatching(/^eos\.yaml: \/brokers: must be integer/) });
  });

  it('refuses a manifest feed that names no file', async () => {
    const cwd = workdir({ 'eos.yaml': 'files:\n  - { path: p.properties, role: producer, name: writer }\nfeeds:\n  - { from: writer, to: reader }\n', 'p.properties': 'acks=all\n' });
    await expect(lintFiles(['eos.yaml'], { cwd, configFile: false })).rejects.toMatchObject({ message: 'eos.yaml: /feeds/0/to: "reader" names no file of the manifest (use a files[].name or path)' });
  });

  it('keeps linting the other files when one cannot be read, and exits 2', async () => {
    const cwd = workdir({ 'producer.properties': 'acks=1\n', 'server.properties': 'node.id=1\n\u0000\u0000' });
    const result = await lintFiles(['.'], { cwd, configFile: false });
    expect(result.exitCode).toBe(2);
    expect(result.findings.map((f) => `${f.file}:${f.ruleId}`)).toEqual(expect.arrayContaining(['producer.properties:producer-acks-not-all', 'server.properties:parse-error']));
  });
});

describe('lint > lintSources', () => {
  it('honours --role for files whose name says nothing', () => {
    const result = lintSources([{ file: 'app.properties', text: 'group.id=g\n' }], { role: 'consumer' });
    expect(result.files[0]?.units[0]?.role).toBe('consumer');
    expect(result.findings.map((f) => f.ruleId)).toContain('consumer-read-uncommitted');
  });

  it('summarizes by severity and role, leaving suppressed findings out', () => {
    const result = lintSources([{ file: 'producer.properties', text: '# eos-lint-disable-next-line P2\nacks=1\nretries=0\n' }]);
    expect(summarizeFindings(result.findings)).toMatchObject({ bySeverity: { error: 2 }, byRole: { producer: 2 }, suppressed: 1 });
  });

  it('survives hostile keys and values', () => {
    const result = lintSources([{ file: 'producer.properties', text: `__proto__=1\nconstructor=x\nacks=${'9'.repeat(5000)}\n` }]);
    expect(result.findings.map((f) => f.ruleId)).toContain('invalid-value');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('lint > fixes', () => {
  it('fixes in place through the format handler, keeping comments, and the rule is clean after', () => {
    const text = '# writer\n! legacy comment\nacks=1\nmax.in.flight.requests.per.connection=10 \n# trailing\n';
    const first = lintSources([{ file: 'producer.properties', text }]);
    const [plan] = planFixes(first);
    expect(plan?.after).toBe('# writer\n! legacy comment\nacks=all\nmax.in.flight.requests.per.connection=5\n# trailing\n');
    const second = lintSources([{ file: 'producer.properties', text: plan!.after }]);
    expect(second.findings.map((f) => f.ruleId)).toEqual([]);
  });

  it('adds a missing key (isolation.level=read_committed) without touching the rest', () => {
    const text = '# reader\ngroup.id=g\nenable.auto.commit=false\nauto.offset.reset=earliest\n';
    const first = lintSources([
      { file: 'consumer.properties', text },
      { file: 'producer.properties', text: 'transactional.id=t\n' },
    ]);
    const [plan] = planFixes(first);
    expect(plan?.file).toBe('consumer.properties');
    expect(plan?.after.startsWith(text)).toBe(true);
    expect(plan?.after).toMatch(/isolation\.level=read_committed\n$/);
    const second = lintSources([
      { file: 'consumer.properties', text: plan!.after },
      { file: 'producer.properties', text: 'transactional.id=t\n' },
    ]);
    expect(second.findings.filter((f) => f.file === 'consumer.properties').map((f) => f.ruleId)).toEqual([]);
  });

  it('never applies suggestions (cross-file or behaviour-changing edits)', () => {
    const result = lintSources([{ file: 'consumer.properties', text: 'group.id=g\nisolation.level=read_committed\n' }]);
    expect(result.findings.find((f) => f.ruleId === 'consumer-auto-commit-enabled')?.suggestion).toBeDefined();
    expect(planFixes(result)).toEqual([]);
  });
});
