import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kafkaVersionDir } from './cache-dir.js';
import { COMPLETE_MARKER, ensureKafkaJars, readCache } from './resolve-jars.js';

function fakeCache(complete: boolean): { root: string; dir: string } {
  const root = mkdtempSync(join(tmpdir(), 'jars-'));
  const dir = kafkaVersionDir('4.4.0', root);
  mkdirSync(join(dir, 'lib'), { recursive: true });
  writeFileSync(join(dir, 'lib', 'kafka_2.13-4.4.0.jar'), 'jar');
  if (complete) {
    writeFileSync(join(dir, COMPLETE_MARKER), JSON.stringify({ kafkaVersion: '4.4.0', jarCount: 1, bytes: 3, resolvedAt: 'x' }));
  }
  return { root, dir };
}

// An environment without Maven: any attempt to download fails loudly.
const noMaven = { PATH: '/nonexistent' };

describe('kafka-embedded > jar cache', () => {
  it('uses a complete cache without Maven', async () => {
    const { root, dir } = fakeCache(true);
    const jars = await ensureKafkaJars({ version: '4.4.0', cacheRoot: root, env: noMaven });
    expect(jars).toMatchObject({ version: '4.4.0', line: 4, dir, jarCount: 1, bytes: 3 });
    expect(jars.classpath).toBe(join(dir, 'lib', '*'));
  });

  it('never mistakes a folder without the completeness marker for a cache', async () => {
    const { root, dir } = fakeCache(false);
    expect(readCache(dir, '4.4.0')).toBeUndefined();
    await expect(ensureKafkaJars({ version: '4.4.0', cacheRoot: root, env: noMaven })).rejects.toMatchObject({
      code: 'EMBEDDED_KAFKA',
      message: expect.stringMatching(/not cached yet and Maven \(mvn\) is not on PATH/),
    });
  });

  it('ignores a marker written for another version', () => {
    const { dir } = fakeCache(true);
    expect(readCache(dir, '4.3.0')).toBeUndefined();
  });

  it('puts the cache under EOSKIT_CACHE_DIR', () => {
    expect(kafkaVersionDir('3.9.2', '/c')).toBe('/c/kafka/3.9.2');
  });
});
