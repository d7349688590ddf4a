import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isRunning, processStartTime } from './proc-info.js';

/**
 * The machine-wide record of broker JVMs started by eoskit: one small JSON file per JVM. The next
 * `startCluster()` reads it to find JVMs whose owning Node process died without stopping them.
 */

/** The Node process a JVM belongs to; `null` owner means detached (the CLI's `--detach`). */
export interface ProcessOwner {
  pid: number;
  /** /proc start time; tells a live owner from a new process that reused its pid. */
  startTime?: string;
}

/** One broker JVM. */
export interface RegistryEntry {
  pid: number;
  /** The `-D` argument on the JVM's command line that proves the pid is still this JVM. */
  marker: string;
  /** The cluster folder the JVM belongs to. */
  clusterDir: string;
  owner: ProcessOwner | null;
  /** True when the cluster folder is a temporary one eoskit created and may delete. */
  ownsDir: boolean;
}

/** `$EOSKIT_PID_DIR`, else `<tmpdir>/eoskit-kafka-pids-<uid>`. */
export function registryDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.EOSKIT_PID_DIR) return env.EOSKIT_PID_DIR;
  const uid = typeof process.getuid === 'function' ? process.getuid() : 'user';
  return join(tmpdir(), `eoskit-kafka-pids-${uid}`);
}

/** This process, as an owner. */
export function currentOwner(): ProcessOwner {
  const startTime = processStartTime(process.pid);
  return startTime === undefined ? { pid: process.pid } : { pid: process.pid, startTime };
}

/** True while the owner process is alive (and is the same process, not a pid reuse). */
export function ownerAlive(owner: ProcessOwner): boolean {
  if (!isRunning(owner.pid)) return false;
  if (owner.startTime === undefined) return true;
  return processStartTime(owner.pid) === owner.startTime;
}

/** Records a JVM. Written via rename so a reader never sees half a file. */
export function registerProcess(entry: RegistryEntry, env?: NodeJS.ProcessEnv): void {
  const dir = registryDir(env);
  mkdirSync(dir, { recursive: true });
  const tmp = join(dir, `.${entry.pid}.${process.pid}.tmp`);
  writeFileSync(tmp, JSON.stringify(entry));
  renameSync(tmp, join(dir, `${entry.pid}.json`));
}

/** Forgets a JVM. */
export function unregisterProcess(pid: number, env?: NodeJS.ProcessEnv): void {
  rmSync(join(registryDir(env), `${pid}.json`), { force: true });
}

/** Every recorded JVM (unreadable files are skipped). */
export function readRegistry(env?: NodeJS.ProcessEnv): RegistryEntry[] {
  const dir = registryDir(env);
  let files: string[];
  try {
    files = readdirSync(dir).filter((f) => /^\d+\.json$/.test(f));
  } catch {
    return [];
  }
  const entries: RegistryEntry[] = [];
  for (const file of files) {
    try {
      entries.push(JSON.parse(readFileSync(join(dir, file), 'utf8')) as RegistryEntry);
    } catch {
      // being written by another process, or garbage: not ours to judge now
    }
  }
  return entries;
}
