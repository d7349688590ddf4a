import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { EoskitError } from '@eoskit/core';
import { eoskitCacheRoot, kafkaVersionDir } from './cache-dir.js';
import { mavenCopyKafkaJars } from './maven.js';
import { DEFAULT_KAFKA_VERSION, type KafkaLine, kafkaLine } from './versions.js';

/** The jars of one Kafka release in the local cache. */
export interface KafkaJars {
  version: string;
  line: KafkaLine;
  /** `<cache root>/kafka/<version>` */
  dir: string;
  /** Java class path: `<dir>/lib/*` */
  classpath: string;
  /** Number of jar files. */
  jarCount: number;
  /** Total size of the jars in bytes. */
  bytes: number;
}

/** Options of {@link ensureKafkaJars}. */
export interface EnsureJarsOptions {
  /** Default {@link DEFAULT_KAFKA_VERSION}. */
  version?: string;
  /** Default {@link eoskitCacheRoot}. */
  cacheRoot?: string;
  env?: NodeJS.ProcessEnv;
  /** Progress messages ("resolving Kafka 4.4.0 jars with Maven"). */
  log?: (message: string) => void;
}

/** Written last, inside the download folder, before the folder is renamed into place. */
export const COMPLETE_MARKER = 'complete.json';

interface CompleteMarker {
  kafkaVersion: string;
  jarCount: number;
  bytes: number;
  resolvedAt: string;
}

const inFlight = new Map<string, Promise<KafkaJars>>();

/**
 * The cached jars of a Kafka release, resolving them with Maven first if they are missing. Maven is
 * never called when the cache is complete. A download goes to a temporary folder that is renamed
 * into place only after its completeness marker is written, so an interrupted download is never
 * mistaken for a cache.
 */
export function ensureKafkaJars(options: EnsureJarsOptions = {}): Promise<KafkaJars> {
  const version = options.version ?? DEFAULT_KAFKA_VERSION;
  const line = kafkaLine(version);
  const dir = kafkaVersionDir(version, options.cacheRoot ?? eoskitCacheRoot(options.env));
  const cached = readCache(dir, version, line);
  if (cached) return Promise.resolve(cached);
  // Two clusters started at once in one process share one download.
  let pending = inFlight.get(dir);
  if (!pending) {
    pending = download(dir, version, line, options).finally(() => inFlight.delete(dir));
    inFlight.set(dir, pending);
  }
  return pending;
}

/** The cache entry in `dir` when its marker says it is complete, else undefined. */
export function readCache(dir: string, version: string, line: KafkaLine = kafkaLine(version)): KafkaJars | undefined {
  let marker: CompleteMarker;
  try {
    marker = JSON.parse(readFileSync(join(dir, COMPLETE_MARKER), 'utf8')) as CompleteMarker;
  } catch {
    return undefined;
  }
  if (marker.kafkaVersion !== version || !existsSync(join(dir, 'lib'))) return undefined;
  return { version, line, dir, classpath: join(dir, 'lib', '*'), jarCount: marker.jarCount, bytes: marker.bytes };
}

async function download(dir: string, version: string, line: KafkaLine, options: EnsureJarsOptions): Promise<KafkaJars> {
  const parent = join(dir, '..');
  mkdirSync(parent, { recursive: true });
  const work = mkdtempSync(join(parent, `.download-${version}-`));
  try {
    options.log?.(`resolving Kafka ${version} jars with Maven into ${dir}`);
    await mavenCopyKafkaJars({ version, line, workDir: work, ...(options.env ? { env: options.env } : {}) });
    const libDir = join(work, 'lib');
    const jars = existsSync(libDir) ? readdirSync(libDir).filter((f) => f.endsWith('.jar')) : [];
    if (!jars.some((f) => f.startsWith('kafka_2.13-'))) {
      throw new EoskitError('EMBEDDED_KAFKA', `Maven finished but ${libDir} holds no kafka_2.13 jar`);
    }
    const marker: CompleteMarker = {
      kafkaVersion: version,
      jarCount: jars.length,
      bytes: jars.reduce((sum, f) => sum + statSync(join(libDir, f)).size, 0),
      resolvedAt: new Date().toISOString(),
    };
    rmSync(join(work, 'pom.xml'), { force: true });
    writeFileSync(join(work, COMPLETE_MARKER), `${JSON.stringify(marker, null, 2)}\n`);
    moveIntoPlace(work, dir, version, line);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const jars = readCache(dir, version, line);
  if (!jars) throw new EoskitError('EMBEDDED_KAFKA', `the Kafka ${version} cache in ${dir} is incomplete after download`);
  return jars;
}

function moveIntoPlace(work: string, dir: string, version: string, line: KafkaLine): void {
  try {
    renameSync(work, dir);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code !== 'ENOTEMPTY' && code !== 'EEXIST') throw err;
    // Another process finished the same download first: keep theirs if complete.
    if (readCache(dir, version, line)) return;
    // A folder without a marker is not ours to trust (left by hand or an older tool): replace it.
    rmSync(dir, { recursive: true, force: true });
    renameSync(work, dir);
  }
}
