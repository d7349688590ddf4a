import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, onTestFinished } from 'vitest';
import { usingExternalCluster } from '../../../test/helpers/kafka.js';
import { resolveJava } from './java.js';
import { COMPLETE_MARKER, ensureKafkaJars } from './resolve-jars.js';
import { startCluster } from './start-cluster.js';
import { DEFAULT_KAFKA_VERSION } from './versions.js';

// PATH with java but without mvn: any Maven call fails with "mvn is not on PATH".
async function envWithoutMaven(): Promise<NodeJS.ProcessEnv> {
  const java = await resolveJava();
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: dirname(java.path) };
  delete env.JAVA_HOME;
  return env;
}

describe.skipIf(usingExternalCluster())('kafka-embedded > jar cache', () => {
  it('downloads into a temp folder, renames it into place complete, then serves it without Maven', async () => {
    const cacheRoot = mkdtempSync(join(tmpdir(), 'eoskit-cache-'));
    onTestFinished(() => rmSync(cacheRoot, { recursive: true, force: true }));
    const cold = await ensureKafkaJars({ version: DEFAULT_KAFKA_VERSION, cacheRoot });
    expect(existsSync(join(cold.dir, COMPLETE_MARKER))).toBe(true);
    expect(cold.jarCount).toBeGreaterThan(30);
    expect(readdirSync(join(cold.dir, 'lib')).some((f) => f === `kafka_2.13-${DEFAULT_KAFKA_VERSION}.jar`)).toBe(true);
    // Logging backend of the 4.x line: without the slf4j binding the broker would log nothing.
    expect(readdirSync(join(cold.dir, 'lib')).some((f) => f.startsWith('log4j-slf4j-impl-'))).toBe(true);
    // No half-finished download folders are left next to it.
    expect(readdirSync(join(cacheRoot, 'kafka'))).toEqual([DEFAULT_KAFKA_VERSION]);

    const warm = await ensureKafkaJars({ version: DEFAULT_KAFKA_VERSION, cacheRoot, env: await envWithoutMaven() });
    expect(warm).toEqual(cold);
  });

  it('a start with no mvn on PATH uses the cache and serves writes', async () => {
    const messages: string[] = [];
    const cluster = await startCluster({ nodes: 1, env: await envWithoutMaven(), embeddedOnly: true, log: (m) => messages.push(m) });
    try {
      expect(cluster.nodes[0]?.pid).toBeGreaterThan(0);
      expect(messages.filter((m) => m.includes('Maven'))).toEqual([]);
    } finally {
      await cluster.stop();
    }
  });
});
