import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../eoskit.js';

// Usage errors exit 2, failures 1, each with one line and no stack trace.
function captureStderr() {
  const lines: string[] = [];
  vi.spyOn(process.stderr, 'write').mockImplementation((s: string | Uint8Array) => {
    lines.push(String(s));
    return true;
  });
  return lines;
}
afterEach(() => {
  vi.restoreAllMocks();
});

describe('cli > kafka > errors', () => {
  it.each([
    [['kafka', 'start', '--nodes', '0'], /--nodes.*whole number from 1 to 9/],
    [['kafka', 'start', '--config', 'novalue'], /expected key=value/],
    [['kafka', 'stop'], /required option '--dir <dir>'/],
    [['kafka', 'restart', '--dir', '/x', '--node', 'two'], /expected a node id/],
  ])('%j is a usage error (exit 2)', async (argv, message) => {
    const err = captureStderr();
    expect(await main(argv)).toBe(2);
    expect(err.join('')).toMatch(message);
  });

  it('stop on a folder without a cluster fails with one line (exit 1)', async () => {
    const err = captureStderr();
    const dir = mkdtempSync(join(tmpdir(), 'no-cluster-'));
    expect(await main(['kafka', 'stop', '--dir', dir])).toBe(1);
    expect(err.join('')).toBe(`eoskit: ${dir} holds no embedded Kafka cluster (no cluster.json written by "eoskit kafka start")\n`);
  });

  it('a version that is not one fails before any download (exit 1)', async () => {
    const err = captureStderr();
    expect(await main(['kafka', 'start', '--version', 'latest', '--dir', mkdtempSync(join(tmpdir(), 'v-'))])).toBe(1);
    expect(err.join('')).toMatch(/^eoskit: "latest" is not a Kafka version/);
  });
});
