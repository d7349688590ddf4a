import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { JavaRuntime } from './java.js';
import type { KafkaJars } from './resolve-jars.js';

/**
 * Class data sharing (AppCDS): a dynamic archive of the classes a broker loads, made once per Kafka
 * version and Java build by starting a 1-node cluster with `-XX:ArchiveClassesAtExit` and stopping
 * it cleanly. Later JVMs map the archive instead of loading and verifying ~5000 classes, which on a
 * 2-core machine cuts a 3-node start by about a third (README "Start-up time"). The archive is an
 * optimisation only: a JVM that cannot use it (another Java build) logs a warning and starts anyway.
 */

/** Starts a 1-node cluster with extra JVM args, stops it cleanly; provided by startCluster. */
export type TrainingRun = (jvmArgs: string[]) => Promise<void>;

const inFlight = new Map<string, Promise<string | undefined>>();

/** Path of the archive for these jars and this Java build (it may not exist yet). */
export function cdsArchivePath(jars: KafkaJars, java: JavaRuntime): string {
  const key = createHash('sha256').update(`${java.path}\n${java.versionText}`).digest('hex').slice(0, 16);
  return join(jars.dir, 'cds', `kafka-${key}.jsa`);
}

/**
 * The archive path when one exists or can be made now; undefined when disabled (`enabled` false or
 * `EOSKIT_KAFKA_CDS=0`) or when making it failed before (a `.failed` note sits beside it; `eoskit
 * kafka fetch` retries).
 */
export function ensureCdsArchive(input: {
  jars: KafkaJars;
  java: JavaRuntime;
  train: TrainingRun;
  enabled?: boolean;
  retryFailed?: boolean;
  env?: NodeJS.ProcessEnv;
  log?: (message: string) => void;
}): Promise<string | undefined> {
  const env = input.env ?? process.env;
  if (input.enabled === false || env.EOSKIT_KAFKA_CDS === '0') return Promise.resolve(undefined);
  const archive = cdsArchivePath(input.jars, input.java);
  if (isUsable(archive)) return Promise.resolve(archive);
  if (existsSync(`${archive}.failed`)) {
    if (!input.retryFailed) return Promise.resolve(undefined);
    rmSync(`${archive}.failed`, { force: true });
  }
  let pending = inFlight.get(archive);
  if (!pending) {
    pending = train(archive, input).finally(() => inFlight.delete(archive));
    inFlight.set(archive, pending);
  }
  return pending;
}

async function train(archive: string, input: { jars: KafkaJars; train: TrainingRun; log?: (message: string) => void }): Promise<string | undefined> {
  mkdirSync(join(archive, '..'), { recursive: true });
  const tmp = `${archive}.${process.pid}.tmp`;
  input.log?.(`making a class data sharing archive for Kafka ${input.jars.version} (once; speeds up every later start)`);
  try {
    await input.train([`-XX:ArchiveClassesAtExit=${tmp}`]);
    if (!isUsable(tmp)) throw new Error('the JVM wrote no archive on exit');
    renameSync(tmp, archive);
    return archive;
  } catch (err) {
    const reason = (err as Error).message;
    writeFileSync(`${archive}.failed`, `${reason}\n`);
    input.log?.(`class data sharing archive not made, starting without it: ${reason.split('\n')[0]}`);
    return undefined;
  } finally {
    rmSync(tmp, { force: true });
  }
}

function isUsable(path: string): boolean {
  try {
    return statSync(path).size > 0;
  } catch {
    return false;
  }
}
