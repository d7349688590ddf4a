/**
 * Resolves the Apache Kafka jars of one version into a cache outside git
 * (default ~/.cache/eoskit/catalogue-jars/<version>, override with
 * EOSLINT_JAR_CACHE) using this folder's pom.xml and the machine's Maven.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * kafka-streams versions to use where Maven Central has no kafka-streams jar
 * of the same version yet (kafka_2.13 4.4.0 was published before kafka-streams
 * 4.4.0). Remove an entry once the jar exists; the catalogue records which
 * streams jar each version used.
 */
export const STREAMS_FALLBACK: Record<string, string> = { '4.4.0': '4.3.1' };

const POM = fileURLToPath(new URL('./pom.xml', import.meta.url));

/** The cache root holding one folder of jars per Kafka version. */
export function jarCache(): string {
  return process.env['EOSLINT_JAR_CACHE'] ?? join(homedir(), '.cache', 'eoskit', 'catalogue-jars');
}

/** Jars of one Kafka version: downloads them once, then reuses the cache. */
export function resolveJars(version: string): { dir: string; streamsVersion: string } {
  const dir = join(jarCache(), version);
  const streamsVersion = STREAMS_FALLBACK[version] ?? version;
  const have = existsSync(dir) ? readdirSync(dir) : [];
  if (!have.includes(`kafka_2.13-${version}.jar`) || !have.includes(`kafka-streams-${streamsVersion}.jar`)) {
    execFileSync(
      'mvn',
      ['-q', '-B', '-f', POM, `-Dkafka.version=${version}`, `-Dstreams.version=${streamsVersion}`, `-Dout=${dir}`, 'dependency:copy-dependencies'],
      { stdio: 'inherit' },
    );
  }
  return { dir, streamsVersion };
}
