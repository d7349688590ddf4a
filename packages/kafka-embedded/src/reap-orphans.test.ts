import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { isRunning, processStartTime } from './proc-info.js';
import { type ProcessOwner, readRegistry, registerProcess } from './process-registry.js';
import { reapOrphans } from './reap-orphans.js';

// Stand-ins for broker JVMs: long sleeps carrying a marker argument, as the JVMs do.
const children: ChildProcess[] = [];
async function fakeJvm(marker: string): Promise<number> {
  const child = spawn(process.execPath, ['-e', 'console.log("up"); setTimeout(() => {}, 600000)', '--', marker], { stdio: ['ignore', 'pipe', 'ignore'] });
  children.push(child);
  // Until the child has exec'd, /proc shows the parent's command line.
  await new Promise((resolve) => child.stdout?.once('data', resolve));
  return child.pid as number;
}
async function deadOwner(): Promise<ProcessOwner> {
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 100)'], { stdio: 'ignore' });
  const pid = child.pid as number;
  const startTime = processStartTime(pid);
  await new Promise((resolve) => child.once('exit', resolve));
  return startTime === undefined ? { pid } : { pid, startTime };
}
function setup() {
  const env = { ...process.env, EOSKIT_PID_DIR: mkdtempSync(join(tmpdir(), 'pids-')) };
  const clusterDir = mkdtempSync(join(tmpdir(), 'cluster-'));
  return { env, clusterDir };
}
const self: ProcessOwner = { pid: process.pid, startTime: processStartTime(process.pid) as string };

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

describe('kafka-embedded > reap orphans', () => {
  it('kills JVMs whose owner process died, and deletes their temp folder', async () => {
    const { env, clusterDir } = setup();
    const marker = `-Deoskit.kafka.node=${clusterDir}/node-1`;
    const pid = await fakeJvm(marker);
    registerProcess({ pid, marker, clusterDir, owner: await deadOwner(), ownsDir: true }, env);
    const { killed } = await reapOrphans({ env });
    expect(killed).toEqual([pid]);
    expect(isRunning(pid)).toBe(false);
    expect(readRegistry(env)).toEqual([]);
    expect(() => rmSync(clusterDir)).toThrow(/ENOENT/);
  });

  it('leaves JVMs of a live owner alone (another test worker, another helper)', async () => {
    const { env, clusterDir } = setup();
    const marker = `-Deoskit.kafka.node=${clusterDir}/node-1`;
    const pid = await fakeJvm(marker);
    registerProcess({ pid, marker, clusterDir, owner: self, ownsDir: true }, env);
    expect((await reapOrphans({ env })).killed).toEqual([]);
    expect(isRunning(pid)).toBe(true);
    expect(readRegistry(env)).toHaveLength(1);
  });

  it('never signals a pid whose command line lacks the marker (pid reuse), but drops its record', async () => {
    const { env, clusterDir } = setup();
    const pid = await fakeJvm('-Dsomething.else=1');
    registerProcess({ pid, marker: `-Deoskit.kafka.node=${clusterDir}/node-1`, clusterDir, owner: await deadOwner(), ownsDir: false }, env);
    expect((await reapOrphans({ env })).killed).toEqual([]);
    expect(isRunning(pid)).toBe(true);
    expect(readRegistry(env)).toEqual([]);
  });

  it('keeps detached JVMs while their folder exists and reaps them once it is deleted', async () => {
    const { env, clusterDir } = setup();
    const marker = `-Deoskit.kafka.node=${clusterDir}/node-1`;
    const pid = await fakeJvm(marker);
    registerProcess({ pid, marker, clusterDir, owner: null, ownsDir: false }, env);
    expect((await reapOrphans({ env })).killed).toEqual([]);
    rmSync(clusterDir, { recursive: true });
    expect((await reapOrphans({ env })).killed).toEqual([pid]);
  });
});
