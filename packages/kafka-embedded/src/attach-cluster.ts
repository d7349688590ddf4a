import { resolve } from 'node:path';
import { readClusterState } from './cluster-state.js';
import type { EmbeddedCluster } from './embedded-cluster.js';
import { LocalCluster } from './local-cluster.js';

/**
 * A handle to the embedded cluster recorded in `dir` (by `startCluster({ dir })` or
 * `eoskit kafka start --dir`), possibly started by another process: stop, kill, restart, pause,
 * resume and waitForHealthy all work. The handle never stops the cluster by itself (no exit hook).
 * Throws an `EMBEDDED_KAFKA` error when `dir` holds no cluster.
 */
export function attachCluster(dir: string): EmbeddedCluster {
  return new LocalCluster(readClusterState(resolve(dir)), true);
}
