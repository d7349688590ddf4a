import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { spawnTsScript, usingExternalCluster } from '../../../test/helpers/kafka.js';
import { isRunning } from './proc-info.js';
import { startCluster } from './start-cluster.js';

// A Node process starts a cluster and is then SIGKILLed, so no exit hook runs: its JVMs are orphans.
const CHILD = `
import { startCluster } from '@eoskit/kafka-embedded';
const cluster = await startCluster({ nodes: 1 });
console.log('CLUSTER ' + JSON.stringify({ dir: cluster.dir, pids: cluster.nodes.map((n) => n.pid) }));
setInterval(() => {}, 1000);
`;

describe.skipIf(usingExternalCluster())('kafka-embedded > orphan reaping', () => {
  it('the next startCluster kills the JVMs of a SIGKILLed owner and removes its temp folder', async () => {
    const child = spawnTsScript(CHILD);
    const line = await child.waitForLine(/^CLUSTER /, 180_000);
    const { dir, pids } = JSON.parse(line.slice('CLUSTER '.length)) as { dir: string; pids: number[] };
    expect(pids).toHaveLength(1);
    child.child.kill('SIGKILL');
    await child.exited;
    // Nothing stopped them: the JVMs outlive their owner.
    expect(pids.every((pid) => isRunning(pid))).toBe(true);

    const next = await startCluster({ nodes: 1 });
    try {
      expect(pids.some((pid) => isRunning(pid))).toBe(false);
      expect(existsSync(dir)).toBe(false);
    } finally {
      await next.stop();
    }
    expect(next.nodes.every((n) => n.pid === null)).toBe(true);
  });
});
