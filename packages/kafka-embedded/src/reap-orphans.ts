import { existsSync, rmSync } from 'node:fs';
import { hasMarker, isRunning } from './proc-info.js';
import { ownerAlive, readRegistry, type RegistryEntry, unregisterProcess } from './process-registry.js';

/** What {@link reapOrphans} did. */
export interface ReapResult {
  /** Pids of the JVMs it killed. */
  killed: number[];
}

/**
 * Kills broker JVMs nobody will stop: those whose owning Node process is gone (it was SIGKILLed or
 * crashed before `stop()`), and detached ones whose cluster folder was deleted. A pid is signalled
 * only after /proc/<pid>/cmdline shows the JVM's marker, so a reused pid is never hit. Records of
 * JVMs that are already gone are dropped, and temporary cluster folders of dead owners removed.
 * Clusters of live processes (other test workers, other helpers) are left alone.
 */
export async function reapOrphans(options: { env?: NodeJS.ProcessEnv; log?: (message: string) => void } = {}): Promise<ReapResult> {
  const entries = readRegistry(options.env);
  const killed: number[] = [];
  const doomedDirs = new Set<string>();
  for (const entry of entries) {
    const alive = hasMarker(entry.pid, entry.marker);
    const orphan = isOrphan(entry);
    if (alive && orphan) {
      try {
        process.kill(entry.pid, 'SIGKILL');
        killed.push(entry.pid);
      } catch {
        // exited meanwhile
      }
    }
    if (!alive || orphan) {
      unregisterProcess(entry.pid, options.env);
      if (entry.ownsDir && orphan) doomedDirs.add(entry.clusterDir);
    }
  }
  await waitGone(killed, 10_000);
  for (const dir of doomedDirs) rmSync(dir, { recursive: true, force: true });
  if (killed.length > 0) options.log?.(`reaped ${killed.length} orphaned Kafka JVM(s): ${killed.join(', ')}`);
  return { killed };
}

function isOrphan(entry: RegistryEntry): boolean {
  if (entry.owner === null) return !existsSync(entry.clusterDir);
  return !ownerAlive(entry.owner);
}

/** Waits until none of `pids` runs (SIGKILL is fast, but the port is free only after exit). */
export async function waitGone(pids: readonly number[], timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (pids.some((pid) => isRunning(pid))) {
    if (Date.now() > deadline) return false;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return true;
}
