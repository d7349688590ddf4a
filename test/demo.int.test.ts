import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { DemoSummary } from '../cli/src/demo/demo-types.js';

const CLI = fileURLToPath(new URL('../cli/bin/eoskit.js', import.meta.url));

/** Command lines of the live processes on this machine (Linux /proc). */
function commandLines(): string[] {
  return readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .flatMap((pid) => {
      try {
        return [readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ')];
      } catch {
        return [];
      }
    });
}

/**
 * The demo as a new user runs it (`npm start` runs `eoskit demo`), non-interactively with a
 * small N: its own 3-node cluster, both pipelines, every fault. Runs the built CLI.
 */
describe('demo > end to end', () => {
  const dir = mkdtempSync(join(tmpdir(), 'eoskit-demo-test-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('delivers every event exactly once in the exactly-once pipeline, shows the baseline, and leaves nothing running', async () => {
    const records = 2000;
    const child = spawn(process.execPath, [CLI, 'demo', '--records', String(records), '--json', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.once('exit', (c) => resolve(c)));
    expect(code, stderr).toBe(0);
    // --json: the summary is stdout's only line; progress went to stderr.
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const summary = JSON.parse(lines[0]!) as DemoSummary;
    expect(stderr).toContain('fault: SIGKILL exactly-once writer');
    expect(stderr).toContain('PROOF: exactly-once delivered all 2000 events once (0 duplicates, 0 missing).');

    expect(summary).toMatchObject({ records, nodes: 3, faults: true, brokerBounces: 1, exact: true });
    const { eos, alo } = summary.pipelines;
    expect(eos).toMatchObject({ produced: records, processed: records, readUnique: records, duplicates: 0, missing: 0, unexpected: 0, exact: true });
    expect(eos).toMatchObject({ writerKills: 1, processorKills: 1 });
    // The baseline loses nothing either; what it re-sent and re-processed reaches the application twice.
    expect(alo).toMatchObject({ produced: records, readUnique: records, missing: 0, unexpected: 0, writerKills: 1, processorKills: 1 });
    expect(alo.processed).toBe(records + alo.duplicates);
    expect(alo.inputRecords).toBeGreaterThanOrEqual(records);

    // Nothing left: no broker JVM of the demo's cluster, no writer or processor of its run.
    const left = commandLines().filter((c) => c.includes(`eoskit.kafka.node=${dir}`) || c.includes(summary.bootstrap) || c.includes(join(dir, 'logs')));
    expect(left).toEqual([]);
  });
});
