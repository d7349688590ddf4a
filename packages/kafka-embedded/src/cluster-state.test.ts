import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CLUSTER_FILE, type ClusterState, readClusterState, writeClusterState } from './cluster-state.js';

function state(dir: string): ClusterState {
  const node = (id: number, pid: number | null) => ({
    id,
    port: 20000 + id,
    controllerPort: 21000 + id,
    pid,
    nodeDir: join(dir, `node-${id}`),
    launch: { java: '/usr/bin/java', args: [], cwd: join(dir, `node-${id}`), logFile: join(dir, `node-${id}`, 'kafka.log'), marker: `-Dm=${id}` },
  });
  return { kafkaVersion: '4.4.0', clusterId: 'x', dir, ownsDir: false, owner: null, nodes: [node(1, 111), node(2, null)] };
}

describe('kafka-embedded > cluster state', () => {
  it('writes cluster.json in the documented shape and reads the full state back', () => {
    const dir = mkdtempSync(join(tmpdir(), 'state-'));
    writeClusterState(state(dir));
    expect(JSON.parse(readFileSync(join(dir, CLUSTER_FILE), 'utf8'))).toEqual({
      bootstrapServers: '127.0.0.1:20001,127.0.0.1:20002',
      kafkaVersion: '4.4.0',
      nodes: [
        { id: 1, pid: 111, port: 20001, logFile: join(dir, 'node-1', 'kafka.log') },
        { id: 2, pid: null, port: 20002, logFile: join(dir, 'node-2', 'kafka.log') },
      ],
    });
    expect(readClusterState(dir)).toEqual(state(dir));
  });

  it('says so when a folder holds no cluster', () => {
    const dir = mkdtempSync(join(tmpdir(), 'state-'));
    expect(() => readClusterState(dir)).toThrow(/holds no embedded Kafka cluster/);
  });
});
