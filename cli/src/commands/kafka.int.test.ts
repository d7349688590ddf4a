import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { processAlive, spawnTsScript, usingExternalCluster } from '../../../test/helpers/kafka.js';

// The real CLI entry (main) in its own process, so detached JVMs must outlive it.
const CLI = `
import { main } from '{{repo}}/cli/src/eoskit.ts';
process.exitCode = await main(process.argv.slice(2));
`;

async function eoskit(...args: string[]): Promise<{ code: number | string; stdout: string; stderr: string }> {
  const run = spawnTsScript(CLI, args);
  const code = await run.exited;
  return { code, stdout: run.stdout(), stderr: run.stderr() };
}

interface ClusterJson {
  bootstrapServers: string;
  kafkaVersion: string;
  nodes: { id: number; pid: number | null; port: number; logFile: string }[];
}

const alive = processAlive;
const readClusterJson = (dir: string) => JSON.parse(readFileSync(join(dir, 'cluster.json'), 'utf8')) as ClusterJson;

describe.skipIf(usingExternalCluster())('cli > kafka', () => {
  it('start --nodes 3 --detach, restart --node 2, stop: JVMs outlive the CLI and none is left after stop', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eoskit-cli-kafka-'));
    const start = await eoskit('kafka', 'start', '--nodes', '3', '--detach', '--dir', dir);
    expect(start.code, start.stderr).toBe(0);
    const cluster = readClusterJson(dir);
    expect(start.stdout.trim()).toBe(cluster.bootstrapServers);
    expect(cluster.bootstrapServers).toMatch(/^127\.0\.0\.1:\d+,127\.0\.0\.1:\d+,127\.0\.0\.1:\d+$/);
    expect(cluster.kafkaVersion).toBe('4.4.0');
    expect(cluster.nodes.map((n) => n.id)).toEqual([1, 2, 3]);
    expect(cluster.nodes.every((n) => alive(n.pid))).toBe(true);
    expect(readFileSync(cluster.nodes[0]?.logFile as string, 'utf8')).toMatch(/Kafka Server started/);

    const restart = await eoskit('kafka', 'restart', '--dir', dir, '--node', '2');
    expect(restart.code, restart.stderr).toBe(0);
    const after = readClusterJson(dir);
    expect(after.nodes[1]?.pid).not.toBe(cluster.nodes[1]?.pid);
    expect(after.nodes[1]?.port).toBe(cluster.nodes[1]?.port);
    expect(alive(cluster.nodes[1]?.pid ?? null)).toBe(false);
    expect(after.nodes.every((n) => alive(n.pid))).toBe(true);

    const stop = await eoskit('kafka', 'stop', '--dir', dir);
    expect(stop.code, stop.stderr).toBe(0);
    expect(after.nodes.some((n) => alive(n.pid))).toBe(false);
    expect(readClusterJson(dir).nodes.map((n) => n.pid)).toEqual([null, null, null]);
  });

  it('start without --detach serves until SIGTERM, then stops its JVMs', async () => {
    const run = spawnTsScript(CLI, ['kafka', 'start']);
    const bootstrap = await run.waitForLine(/^127\.0\.0\.1:\d+$/, 180_000);
    const ready = await run.waitForLine(/cluster folder /, 30_000, 'stderr');
    const dir = /cluster folder (\S+)/.exec(ready)?.[1] as string;
    const state = readClusterJson(dir);
    expect(state.bootstrapServers).toBe(bootstrap);
    const pid = state.nodes[0]?.pid ?? null;
    expect(alive(pid)).toBe(true);
    run.child.kill('SIGTERM');
    expect(await run.exited).toBe(0);
    expect(alive(pid)).toBe(false);
  });
});
