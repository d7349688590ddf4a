import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';

// Drives the real eos-lint binary (built by `npx tsc -b`) in a real terminal: tmux at 80x24.
// It needs no Kafka; it lives in the integration project because it runs the built CLI.
const repo = fileURLToPath(new URL('..', import.meta.url));
const bin = join(repo, 'cli/bin/eos-lint.js');
const broken = join(repo, 'examples/configs/properties/broken');
const hasTmux = spawnSync('tmux', ['-V']).status === 0;

interface Terminal {
  send(...keys: string[]): void;
  screen(): string;
  /** Polls the screen until it matches, instead of sleeping fixed times. */
  waitFor(expected: string | RegExp, timeoutMs?: number): Promise<string>;
  kill(): void;
}

const terminals: Terminal[] = [];
afterEach(() => {
  for (const t of terminals.splice(0)) t.kill();
});

/** A private tmux server on a socket in its own temp dir, so no other session or server environment interferes. */
function openTerminal(cwd: string, command: string): Terminal {
  const socketDir = mkdtempSync(join(tmpdir(), 'eos-tmux-'));
  const socket = join(socketDir, 'sock');
  const tmux = (...args: string[]) => execFileSync('tmux', ['-S', socket, ...args], { encoding: 'utf8' });
  tmux('new-session', '-d', '-s', 'audit', '-x', '80', '-y', '24', '-c', cwd, command);
  const terminal: Terminal = {
    send: (...keys) => void tmux('send-keys', '-t', 'audit', ...keys),
    screen: () => tmux('capture-pane', '-p', '-t', 'audit'),
    async waitFor(expected, timeoutMs = 30_000) {
      const deadline = Date.now() + timeoutMs;
      let last = '';
      while (Date.now() < deadline) {
        last = terminal.screen();
        if (typeof expected === 'string' ? last.includes(expected) : expected.test(last)) return last;
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`terminal never showed ${String(expected)}; last screen:\n${last}`);
    },
    kill: () => {
      spawnSync('tmux', ['-S', socket, 'kill-server']);
      rmSync(socketDir, { recursive: true, force: true });
    },
  };
  terminals.push(terminal);
  return terminal;
}

describe.skipIf(!hasTmux)('eos-lint > interactive audit in a terminal', () => {
  it('filters, opens a finding, applies its fix and saves it: the file is fixed, comments kept, and re-lints clean for that key', async () => {
    expect(existsSync(join(repo, 'cli/dist/audit/run-audit.js')), 'build first: npx tsc -b').toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'eos-audit-e2e-'));
    for (const name of ['producer.properties', 'server.properties']) copyFileSync(join(broken, name), join(dir, name));
    const original = readFileSync(join(dir, 'producer.properties'), 'utf8');

    // CI=true as on a CI runner: Ink then draws only its last frame unless eos-lint sees the terminal first.
    const term = openTerminal(dir, `CI=true node ${bin} --interactive producer.properties server.properties; echo "EOS_EXIT=$?"; sleep 600`);
    const first = await term.waitFor('[Findings]');
    expect(first).toContain('producer.properties  6 findings');
    for (const line of first.split('\n')) expect([...line].length).toBeLessThanOrEqual(80);

    term.send('/');
    await term.waitFor('█');
    term.send('-l', 'acks');
    await term.waitFor('/acks█');
    term.send('Enter');
    const filtered = await term.waitFor('Filter: "acks"');
    expect(filtered).toMatch(/^› E\+ +3 {2}acks +producer-acks-not-all/m);
    expect(filtered).not.toContain('unclean.leader.election.enable');

    term.send('Enter');
    const detail = await term.waitFor('ERROR  producer-acks-not-all');
    expect(detail).toContain('Current      acks = 1');
    expect(detail).toContain('Recommended  all');
    expect(detail).toContain('> 3 │ acks=1');

    term.send('f');
    const diff = await term.waitFor('+acks=all');
    expect(diff).toContain('-acks=1');

    term.send('a');
    const applied = await term.waitFor('applied: set acks=all');
    expect(applied).toContain('● unsaved');
    expect(applied).not.toContain('producer-acks-not-all');

    term.send('s');
    await term.waitFor('saved producer.properties');
    term.send('q');
    const done = await term.waitFor(/EOS_EXIT=\d/);
    expect(done).toContain('EOS_EXIT=1'); // other errors are left in the files

    const fixed = readFileSync(join(dir, 'producer.properties'), 'utf8');
    expect(fixed).toBe(original.replace(/^acks=1$/m, 'acks=all'));
    expect(fixed).toContain('# A producer that looks fine and is not.');
    const relint = spawnSync('node', [bin, '--format', 'json', 'producer.properties', 'server.properties'], { cwd: dir, encoding: 'utf8' });
    const findings = JSON.parse(relint.stdout) as Array<{ ruleId: string; severity: string; key: string | null; file: string }>;
    expect(findings.filter((f) => f.file === 'producer.properties' && f.key === 'acks' && f.severity === 'error')).toEqual([]);
    expect(findings.map((f) => f.ruleId)).not.toContain('producer-acks-not-all');
  });

  it('prints the plain report with its exit code when there is no terminal', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eos-audit-notty-'));
    copyFileSync(join(broken, 'producer.properties'), join(dir, 'producer.properties'));
    const audit = spawnSync('node', [bin, '--interactive', 'producer.properties', '--no-color'], { cwd: dir, encoding: 'utf8', input: '' });
    const plain = spawnSync('node', [bin, 'producer.properties', '--no-color'], { cwd: dir, encoding: 'utf8' });
    expect(audit.status).toBe(1);
    expect(audit.stdout).toBe(plain.stdout);
    expect(audit.stderr).toContain('not a terminal');
  });
});
