import { execFile } from 'node:child_process';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EoskitError } from '@eoskit/core';
import { findExecutable } from './find-executable.js';
import type { KafkaLine } from './versions.js';

/** The pom that lists the broker jars; ships with the package (`maven/pom.xml`). */
export const KAFKA_POM_PATH = fileURLToPath(new URL('../maven/pom.xml', import.meta.url));

/** What to resolve and where to put it. */
export interface MavenCopyOptions {
  version: string;
  line: KafkaLine;
  /** Empty work folder: the pom is copied here and jars land in `<workDir>/lib`. */
  workDir: string;
  env?: NodeJS.ProcessEnv;
}

/**
 * Copies the runtime jars of `org.apache.kafka:kafka_2.13:<version>` plus the logging backend of its
 * line into `<workDir>/lib` with the machine's Maven (which caches downloads in ~/.m2).
 */
export async function mavenCopyKafkaJars(options: MavenCopyOptions): Promise<void> {
  const env = options.env ?? process.env;
  const mvn = findExecutable('mvn', env);
  if (!mvn) {
    throw new EoskitError(
      'EMBEDDED_KAFKA',
      `Kafka ${options.version} jars are not cached yet and Maven (mvn) is not on PATH; install Maven (Debian: apt-get install maven) or run "eoskit kafka fetch --version ${options.version}" where it is`,
    );
  }
  // Maven writes nothing but the jars when run on a copy of the pom in the work folder.
  copyFileSync(KAFKA_POM_PATH, join(options.workDir, 'pom.xml'));
  const args = [
    // -U: retry a version Maven once failed to find (it caches "not found" for a day).
    '-B', '-q', '-U', '-Dstyle.color=never',
    `-P`, `kafka${options.line}`,
    `-Dkafka.version=${options.version}`,
    'dependency:copy-dependencies',
    `-DoutputDirectory=${join(options.workDir, 'lib')}`,
  ];
  await new Promise<void>((resolve, reject) => {
    execFile(mvn, args, { cwd: options.workDir, env, maxBuffer: 16 * 1024 * 1024, timeout: 15 * 60_000 }, (err, stdout, stderr) => {
      if (!err) return resolve();
      const detail = mavenErrorSummary(`${stdout}\n${stderr}`) ?? err.message.split('\n')[0] ?? 'unknown error';
      reject(new EoskitError('EMBEDDED_KAFKA', describeFailure(options.version, detail), { cause: err }));
    });
  });
}

function describeFailure(version: string, detail: string): string {
  const artifact = `org.apache.kafka:kafka_2.13:jar:${version}`;
  if (detail.includes(`Could not find artifact ${artifact}`) || detail.includes(`${artifact} was not found`)) {
    return `Kafka ${version} does not exist on Maven Central (org.apache.kafka:kafka_2.13:${version} not found)`;
  }
  return `Maven could not resolve the jars of Kafka ${version}: ${detail}`;
}

/**
 * The useful part of Maven's first `[ERROR]` line: without the "Failed to execute goal" and
 * "Could not resolve dependencies for project" prefixes, the "-> [Help 1]" tail and ANSI colours.
 */
export function mavenErrorSummary(output: string): string | undefined {
  // eslint-disable-next-line no-control-regex
  const plain = output.replace(/\u001b\[[0-9;]*m/g, '');
  const line = plain.split('\n').find((l) => l.startsWith('[ERROR]') && l.trim().length > '[ERROR]'.length);
  if (!line) return undefined;
  return line
    .replace(/^\[ERROR\]\s*/, '')
    .replace(/^Failed to execute goal[^:]*?: /, '')
    .replace(/^Could not resolve dependencies for project [^:]+:[^:]+:[^:]+:[^:]+: /, '')
    .replace(/\s*-> \[Help \d+\]\s*$/, '')
    .trim();
}
