import type { Dialect, KeySpec, Role } from '../model.js';

/**
 * What the engine needs from the key catalogue (../catalogue, generated from
 * Kafka's ConfigDef). Kept as a port so the engine runs, with reduced
 * knowledge, where a catalogue entry is missing.
 */
export interface CataloguePort {
  /** The version used when the caller names none. */
  readonly defaultKafkaVersion: string;
  /** Canonical form of a user-given version; throws a message on an unknown one. */
  resolveVersion(version: string): string;
  /** Default of a key; undefined when the catalogue does not know the key. */
  defaultValue(role: Role, dialect: Dialect, key: string, version: string): string | null | undefined;
  /** Spec of a key; undefined when unknown. */
  keySpec(role: Role, dialect: Dialect, key: string, version: string): KeySpec | undefined;
  /** Whether the catalogue covers this role and dialect at all (unknown-key is silent otherwise). */
  covers(role: Role, dialect: Dialect): boolean;
  isKnownKey(role: Role, dialect: Dialect, key: string, version: string): boolean;
  /** Closest known key, for "did you mean". */
  suggestKey(role: Role, dialect: Dialect, key: string, version: string): string | undefined;
  /** A message when `value` is not valid for `spec`, else null. */
  checkValue(spec: KeySpec, value: string): string | null;
}
