import { rmSync } from 'node:fs';
import { hasMarker } from './proc-info.js';

/** What to clean up if the owning process exits without stopping a cluster. */
export interface ExitCleanup {
  /** Live JVMs: pid and marker. */
  processes(): { pid: number; marker: string }[];
  /** A temp folder to delete, if eoskit created it. */
  ownedDir: string | undefined;
}

const pending = new Set<ExitCleanup>();
let installed = false;

/**
 * Kills a cluster's JVMs when this process exits normally without stopping it (a test that forgot
 * `stop()`, an uncaught error). A SIGKILLed process runs no hooks; the next start reaps those.
 * Detached clusters (CLI `--detach`) never register here.
 */
export function killOnExit(cleanup: ExitCleanup): () => void {
  pending.add(cleanup);
  if (!installed) {
    installed = true;
    process.once('exit', runAll);
  }
  return () => pending.delete(cleanup);
}

function runAll(): void {
  for (const cleanup of pending) {
    for (const { pid, marker } of cleanup.processes()) {
      try {
        if (hasMarker(pid, marker)) process.kill(pid, 'SIGKILL');
      } catch {
        // already gone
      }
    }
    if (cleanup.ownedDir) rmSync(cleanup.ownedDir, { recursive: true, force: true });
  }
  pending.clear();
}
