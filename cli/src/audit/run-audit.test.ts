import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEosLint } from '../lint/run-eos-lint.js';
import { runAudit, stripAuditArgs } from './run-audit.js';

function io(cwd: string) {
  const out = { stdout: '', stderr: '' };
  return { out, io: { cwd, env: {}, isTTY: false, stdout: (s: string) => void (out.stdout += s), stderr: (s: string) => void (out.stderr += s) } };
}

describe('audit > command', () => {
  it('reads the audit words off the command line', () => {
    expect(stripAuditArgs(['audit', 'a.properties', '--role', 'producer'])).toEqual(['a.properties', '--role', 'producer']);
    expect(stripAuditArgs(['a.properties', '--interactive', '--no-color'])).toEqual(['a.properties', '--no-color']);
  });

  it('without a terminal prints exactly the plain report, in the format asked, with its exit code', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'eos-audit-run-'));
    writeFileSync(join(cwd, 'producer.properties'), 'acks=1\n');
    for (const extra of [[], ['--format', 'json']]) {
      const audit = io(cwd);
      const plain = io(cwd);
      const code = await runAudit(['audit', 'producer.properties', ...extra], audit.io);
      const expected = await runEosLint(['producer.properties', ...extra], plain.io);
      expect(code).toBe(expected);
      expect(code).toBe(1);
      expect(audit.out.stdout).toBe(plain.out.stdout);
      expect(audit.out.stderr).toContain('not a terminal');
    }
  });

  it('reports a path that matches nothing in one line with exit 2, terminal or not', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'eos-audit-run-'));
    const { out, io: cli } = io(cwd);
    const fakeTerminal = { stdin: process.stdin, stdout: process.stdout } as const;
    expect(await runAudit(['--interactive', 'missing.properties'], { ...cli, terminal: fakeTerminal })).toBe(2);
    expect(out.stderr).toBe('eos-lint: no files match "missing.properties"\n');
  });
});
