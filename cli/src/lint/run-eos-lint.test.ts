import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runEosLint } from './run-eos-lint.js';

async function run(args: string[], options: { env?: Record<string, string>; isTTY?: boolean; files?: Record<string, string> } = {}) {
  const cwd = mkdtempSync(join(tmpdir(), 'eos-lint-cli-'));
  for (const [name, text] of Object.entries(options.files ?? {})) writeFileSync(join(cwd, name), text);
  let stdout = '';
  let stderr = '';
  const exit = await runEosLint(args, { cwd, env: options.env ?? {}, isTTY: options.isTTY ?? false, stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { exit, stdout, stderr };
}

describe('eos-lint > cli', () => {
  const files = { 'producer.properties': 'acks=1\n' };

  it('colours stylish output on a terminal and honours NO_COLOR and --no-color', async () => {
    expect((await run(['producer.properties'], { files, isTTY: true })).stdout).toContain('\u001b[31m');
    expect((await run(['producer.properties'], { files, isTTY: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
    expect((await run(['producer.properties', '--no-color'], { files, isTTY: true })).stdout).not.toContain('\u001b[');
    expect((await run(['producer.properties'], { files, isTTY: false })).stdout).not.toContain('\u001b[');
  });

  it('prints help and version with exit 0', async () => {
    const help = await run(['--help']);
    expect(help.exit).toBe(0);
    expect(help.stdout).toContain('--bootstrap-server');
    const version = await run(['--version']);
    expect(version.exit).toBe(0);
    expect(version.stdout).toMatch(/^\d+\.\d+\.\d+/);
  });

  it('returns 2 without paths, for an unknown role and for an unknown Kafka version, in one line without a stack', async () => {
    expect((await run([])).exit).toBe(2);
    const role = await run(['producer.properties', '--role', 'writer'], { files });
    expect(role.exit).toBe(2);
    const version = await run(['producer.properties', '--kafka-version', 'banana'], { files });
    expect(version.exit).toBe(2);
    expect(version.stderr.trim().split('\n')).toHaveLength(1);
    expect(version.stderr).not.toMatch(/\n\s+at /);
  });

  it('applies --kafka-version to defaults', async () => {
    const old = await run(['producer.properties', '--kafka-version', '2.8', '--format', 'json'], { files: { 'producer.properties': 'linger.ms=5\n' } });
    expect((JSON.parse(old.stdout) as Array<{ ruleId: string }>).map((f) => f.ruleId)).toEqual(['producer-acks-not-all', 'producer-idempotence-disabled']);
    const current = await run(['producer.properties', '--format', 'json'], { files: { 'producer.properties': 'linger.ms=5\n' } });
    expect(JSON.parse(current.stdout)).toEqual([]);
    expect(current.exit).toBe(0);
  });
});
