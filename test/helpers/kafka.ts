import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inject } from 'vitest';
import type { SharedClusterInfo } from '../setup/provided.js';

/** The shared cluster of the integration project (1 or 3 nodes). Do not kill its nodes. */
export function sharedCluster(nodes: 1 | 3 = 1): SharedClusterInfo {
  return inject(nodes === 1 ? 'kafka1' : 'kafka3');
}

/** True when the suites run against EOS_BOOTSTRAP_SERVERS (no embedded cluster, no fault tests). */
export function usingExternalCluster(): boolean {
  return Boolean(process.env.EOS_BOOTSTRAP_SERVERS?.trim());
}

/**
 * True while `pid` is a live process. A zombie (exited, not yet reaped by its parent, e.g. a JVM
 * whose CLI parent is gone) counts as dead: it holds no ports, files or CPU.
 */
export function processAlive(pid: number | null | undefined): boolean {
  if (pid === null || pid === undefined) return false;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2)[0];
    return state !== 'Z' && state !== 'X';
  } catch {
    return false;
  }
}

/** Bootstrap servers of a shared cluster as a list. */
export function sharedBrokers(nodes: 1 | 3 = 1): string[] {
  return sharedCluster(nodes).bootstrapServers.split(',');
}

/** A topic, group or transactional-id name no other test uses. */
export function uniqueName(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/** A TypeScript script running in its own Node process (see {@link spawnTsScript}). */
export interface TsChild {
  child: ChildProcess;
  /** Everything written to stdout so far. */
  stdout(): string;
  /** Everything written to stderr so far. */
  stderr(): string;
  /** Resolves with the first line of stdout (or stderr) matching `pattern`; rejects if the process exits first. */
  waitForLine(pattern: RegExp, timeoutMs?: number, stream?: 'stdout' | 'stderr'): Promise<string>;
  /** Resolves with the exit code (or the signal name) once the process has exited. */
  exited: Promise<number | string>;
}

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const aliases = ['core', 'kafka-embedded', 'lint', 'writer', 'reader', 'processor'];

/**
 * Runs `source` (an ES module in TypeScript) in a separate Node process via tsx, with `@eoskit/*`
 * mapped to package sources as in vitest. For tests that need a process of their own: one to
 * SIGKILL, or a CLI whose children must outlive it. `{{repo}}` in `source` is the repository root.
 */
export function spawnTsScript(source: string, args: string[] = [], env: NodeJS.ProcessEnv = process.env): TsChild {
  const dir = mkdtempSync(join(tmpdir(), 'eoskit-ts-child-'));
  const paths = Object.fromEntries(aliases.map((name) => [`@eoskit/${name}`, [join(repoRoot, 'packages', name, 'src', 'index.ts')]]));
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', target: 'ES2022', paths } }));
  const script = join(dir, 'script.mts');
  writeFileSync(script, source.replaceAll('{{repo}}', repoRoot.replace(/\/$/, '')));
  const child = spawn(process.execPath, ['--import', 'tsx', script, ...args], {
    cwd: repoRoot,
    env: { ...env, TSX_TSCONFIG_PATH: join(dir, 'tsconfig.json') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  const waitForLine = (pattern: RegExp, timeoutMs = 120_000, stream: 'stdout' | 'stderr' = 'stdout') =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no line matching ${pattern} in ${timeoutMs} ms; stderr:\n${err}`)), timeoutMs);
      const look = () => {
        const line = (stream === 'stdout' ? out : err).split('\n').find((l) => pattern.test(l));
        if (line === undefined) return false;
        clearTimeout(timer);
        resolve(line);
        return true;
      };
      if (look()) return;
      (stream === 'stdout' ? child.stdout : child.stderr)?.on('data', look);
      void exited.then((code) => {
        if (!look()) {
          clearTimeout(timer);
          reject(new Error(`process exited (${code}) before printing ${pattern}; stderr:\n${err}`));
        }
      });
    });
  return { child, stdout: () => out, stderr: () => err, waitForLine, exited };
}
