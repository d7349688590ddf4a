import { EoskitError } from '@eoskit/core';

/** Kafka versions with a generated catalogue, ascending (schemas/catalogues/kafka-*.json). */
export const KAFKA_VERSIONS = ['2.8.2', '3.0.2', '3.3.2', '3.6.2', '3.9.2', '4.0.2', '4.4.0'] as const;

/** The version eos-lint assumes when the user names none. */
export const DEFAULT_KAFKA_VERSION = '4.4.0';

const VERSION = /^v?(\d{1,3})\.(\d{1,3})(?:\.(\d{1,4}))?(?:[-+][0-9A-Za-z.-]*)?$/;

/** [major, minor, patch] of a version string, or undefined when it is not one. */
export function parseVersion(version: string): [number, number, number] | undefined {
  const m = VERSION.exec(version.trim());
  if (!m) return undefined;
  return [Number(m[1]), Number(m[2]), Number(m[3] ?? 0)];
}

/** Negative, zero or positive as `a` is older than, equal to, or newer than `b`. */
export function compareVersions(a: string, b: string): number {
  const x = parseVersion(a) ?? [0, 0, 0];
  const y = parseVersion(b) ?? [0, 0, 0];
  return x[0] - y[0] || x[1] - y[1] || x[2] - y[2];
}

/**
 * The catalogued version that describes a user-given Kafka version: the
 * newest catalogued release whose major.minor is not newer (`3.7` -> 3.6.2,
 * `3.9` and `3.9.0` -> 3.9.2, `5.1` -> 4.4.0; defaults do not change in patch
 * releases). Throws CONFIG_INVALID for text that is no version or predates
 * the oldest catalogue.
 */
export function resolveVersion(version: string): string {
  const known = resolved.get(version);
  if (known !== undefined) return known;
  const v = parseVersion(version);
  if (v === undefined) {
    throw new EoskitError('CONFIG_INVALID', `"${version.slice(0, 40)}" is not a Kafka version: expected MAJOR.MINOR or MAJOR.MINOR.PATCH, e.g. 3.9 or ${DEFAULT_KAFKA_VERSION}`);
  }
  let found: string | undefined;
  for (const c of KAFKA_VERSIONS) {
    const [major, minor] = parseVersion(c) as [number, number, number];
    if (major < v[0] || (major === v[0] && minor <= v[1])) found = c;
  }
  if (found === undefined) {
    throw new EoskitError('CONFIG_INVALID', `Kafka ${version} is older than the oldest catalogued version (${KAFKA_VERSIONS[0]}); use --kafka-version ${KAFKA_VERSIONS[0]} or newer`);
  }
  if (resolved.size < 1000) resolved.set(version, found);
  return found;
}

const resolved = new Map<string, string>();
