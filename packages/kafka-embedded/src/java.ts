import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { EoskitError } from '@eoskit/core';
import { findExecutable, isExecutableFile } from './find-executable.js';

const run = promisify(execFile);

/** A Java runtime able to run the Kafka broker. */
export interface JavaRuntime {
  /** Absolute path of the `java` launcher. */
  path: string;
  /** Feature release, e.g. 17. */
  major: number;
  /** The full `java -version` text: names the exact build (class data archives are per build). */
  versionText: string;
}

/** Kafka 4 brokers need Java 17; 3.9 runs on 11 but the project standardises on 17. */
export const MIN_JAVA_MAJOR = 17;

const cache = new Map<string, Promise<JavaRuntime>>();

/**
 * The machine's Java: `$JAVA_HOME/bin/java` when JAVA_HOME is set, else `java` on PATH. Throws an
 * `EMBEDDED_KAFKA` error when none is found or it is older than {@link MIN_JAVA_MAJOR}.
 */
export async function resolveJava(env: NodeJS.ProcessEnv = process.env): Promise<JavaRuntime> {
  const path = locateJava(env);
  let found = cache.get(path);
  if (!found) {
    found = probeJava(path);
    cache.set(path, found);
    found.catch(() => cache.delete(path));
  }
  return found;
}

function locateJava(env: NodeJS.ProcessEnv): string {
  if (env.JAVA_HOME) {
    const path = join(env.JAVA_HOME, 'bin', 'java');
    if (isExecutableFile(path)) return path;
    throw new EoskitError('EMBEDDED_KAFKA', `JAVA_HOME is ${env.JAVA_HOME} but ${path} is not an executable; point JAVA_HOME at a Java ${MIN_JAVA_MAJOR}+ install`);
  }
  const path = findExecutable('java', env);
  if (path) return path;
  throw new EoskitError('EMBEDDED_KAFKA', `Java not found: the embedded Kafka broker needs Java ${MIN_JAVA_MAJOR}+ (set JAVA_HOME or put java on PATH; Debian: apt-get install openjdk-17-jre-headless)`);
}

async function probeJava(path: string): Promise<JavaRuntime> {
  let text: string;
  try {
    // `java -version` writes to stderr.
    const { stdout, stderr } = await run(path, ['-version'], { timeout: 30_000 });
    text = `${stderr}\n${stdout}`;
  } catch (err) {
    throw new EoskitError('EMBEDDED_KAFKA', `${path} -version failed: ${(err as Error).message.split('\n')[0]}`, { cause: err });
  }
  const major = parseJavaMajor(text);
  if (major === undefined) throw new EoskitError('EMBEDDED_KAFKA', `could not read the Java version from "${path} -version"`);
  if (major < MIN_JAVA_MAJOR) {
    throw new EoskitError('EMBEDDED_KAFKA', `${path} is Java ${major}; the embedded Kafka broker needs Java ${MIN_JAVA_MAJOR}+ (set JAVA_HOME)`);
  }
  return { path, major, versionText: text.trim() };
}

/** The feature release in `java -version` output: `"17.0.15"` → 17, `"1.8.0_402"` → 8. */
export function parseJavaMajor(versionOutput: string): number | undefined {
  const m = /version "(\d+)(?:\.(\d+))?/.exec(versionOutput);
  if (!m) return undefined;
  const first = Number(m[1]);
  return first === 1 && m[2] !== undefined ? Number(m[2]) : first;
}
