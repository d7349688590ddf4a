import { EoskitError } from '@eoskit/core';

/**
 * The Kafka release started when no version is given: the newest 4.x on Maven Central when this
 * package was last updated. Kept in step with `kafka-versions.json` (CI reads that file to prefetch
 * jars; a unit test checks both agree).
 */
export const DEFAULT_KAFKA_VERSION = '4.4.0';

/** The releases the integration suite starts and serves traffic on. */
export const TESTED_KAFKA_VERSIONS: readonly string[] = ['4.4.0', '3.9.2'];

/** A Kafka release line; it decides the logging backend and a few broker keys. */
export type KafkaLine = 3 | 4;

const VERSION_PATTERN = /^(\d+)\.(\d+)\.(\d+)(?:-[0-9A-Za-z.-]+)?$/;

/**
 * The release line of `version`. Throws an `EMBEDDED_KAFKA` error for text that is not a Kafka
 * version, or for releases before 3.3, the first with production-ready KRaft.
 */
export function kafkaLine(version: string): KafkaLine {
  const m = VERSION_PATTERN.exec(version);
  if (!m) {
    throw new EoskitError('EMBEDDED_KAFKA', `"${version}" is not a Kafka version (expected e.g. ${DEFAULT_KAFKA_VERSION})`);
  }
  const major = Number(m[1]);
  const minor = Number(m[2]);
  if (major < 3 || (major === 3 && minor < 3)) {
    throw new EoskitError('EMBEDDED_KAFKA', `Kafka ${version} is too old: the embedded cluster runs KRaft, which needs 3.3 or newer`);
  }
  return major === 3 ? 3 : 4;
}
