import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runInit } from './run-init.js';

async function init(args: string[], cwd = mkdtempSync(join(tmpdir(), 'eos-init-cli-'))) {
  let stdout = '';
  let stderr = '';
  const exit = await runInit(args, { cwd, env: {}, isTTY: false, stdout: (s) => void (stdout += s), stderr: (s) => void (stderr += s) });
  return { exit, stdout, stderr, cwd };
}

describe('init > cli without a terminal', () => {
  it('writes the configs for --client and --brokers into --dir and reports them clean', async () => {
    const run = await init(['--client', 'streams', '--brokers', '3', '--dir', 'conf']);
    expect(run.exit).toBe(0);
    for (const f of ['streams.properties', 'consumer.properties', 'server.properties', 'eos.yaml']) expect(existsSync(join(run.cwd, 'conf', f))).toBe(true);
    expect(run.stdout).toContain('Wrote exactly-once configs for Kafka Streams, 3 brokers, in conf:');
    expect(run.stdout).toContain('eos-lint conf: 0 errors, 0 warnings, 0 info.');
  });

  it('uses the defaults with --yes, and asks for flags without it', async () => {
    const yes = await init(['--yes']);
    expect(yes.exit).toBe(0);
    expect(readFileSync(join(yes.cwd, 'eos.yaml'), 'utf8')).toContain('brokers: 3');
    expect(existsSync(join(yes.cwd, 'producer.properties'))).toBe(true);
    const bare = await init([]);
    expect(bare.exit).toBe(2);
    expect(bare.stderr).toContain('give --client');
  });

  it('never overwrites an existing file without --force', async () => {
    const cwd = mkdtempSync(join(tmpdir(), 'eos-init-cli-'));
    writeFileSync(join(cwd, 'server.properties'), '# mine\n');
    const refused = await init(['--client', 'java', '--brokers', '3'], cwd);
    expect(refused.exit).toBe(2);
    expect(refused.stderr).toContain('server.properties already exist');
    expect(readFileSync(join(cwd, 'server.properties'), 'utf8')).toBe('# mine\n');
    expect(existsSync(join(cwd, 'producer.properties'))).toBe(false);
    const forced = await init(['--client', 'java', '--brokers', '3', '--force'], cwd);
    expect(forced.exit).toBe(0);
    expect(readFileSync(join(cwd, 'server.properties'), 'utf8')).toContain('transaction.max.timeout.ms=900000');
  });

  it('rejects bad flags with exit 2 and one line', async () => {
    const brokers = await init(['--client', 'java', '--brokers', 'three']);
    expect(brokers.exit).toBe(2);
    expect(brokers.stderr).toContain('expected a whole number of brokers');
    const client = await init(['--client', 'cobol']);
    expect(client.exit).toBe(2);
    expect(client.stderr).toContain('Allowed choices are java, kafkajs');
    const extra = await init(['somewhere']);
    expect(extra.exit).toBe(2);
    expect(extra.stderr).toContain('too many arguments');
  });
});
