import { type Dialect, type KeySpec, type KeyType, ROLES, type Role } from '../model.js';
import { atVersion, loadCatalogue } from './catalogue-file.js';
import { DEFAULT_KAFKA_VERSION } from './kafka-versions.js';
import { type LocatedKey, locateKey } from './locate-key.js';
import { passThroughKey } from './pass-through-keys.js';

const KEY_TYPES = new Set<string>(['boolean', 'string', 'int', 'short', 'long', 'double', 'list', 'class', 'password']);

/**
 * What the catalogue knows about a key for a role and dialect at a Kafka
 * version (default {@link DEFAULT_KAFKA_VERSION}); undefined when the key is
 * unknown or absent at that version. Streams keys may carry client prefixes
 * (`producer.transaction.timeout.ms`), Flink SQL keys `properties.`.
 */
export function keySpec(role: Role, dialect: Dialect, key: string, version: string = DEFAULT_KAFKA_VERSION): KeySpec | undefined {
  // Rules ask for the same few keys for every file: memoize (specs are frozen, so sharing is safe).
  const memoKey = `${role}\u0000${dialect}\u0000${version}\u0000${key}`;
  if (memo.has(memoKey)) return memo.get(memoKey);
  const found = locateKey(role, dialect, key, version);
  const spec = found === undefined ? undefined : deepFreeze(toSpec(key, found));
  if (memo.size > 50_000) memo.clear();
  memo.set(memoKey, spec);
  return spec;
}

const memo = new Map<string, KeySpec | undefined>();

function deepFreeze(spec: KeySpec): KeySpec {
  if (spec.validValues) Object.freeze(spec.validValues);
  if (spec.validItems) Object.freeze(spec.validItems);
  if (spec.symbols) Object.freeze(spec.symbols);
  return Object.freeze(spec);
}

function toSpec(key: string, { file, rec, version }: LocatedKey): KeySpec {
  const type = atVersion(rec.type, version) ?? 'string';
  const spec: KeySpec = {
    key,
    type: (KEY_TYPES.has(type) ? type : 'string') as KeyType,
    default: atVersion(rec.default, version) ?? null,
    catalogue: file.catalogue,
  };
  const validValues = atVersion(rec.validValues, version);
  if (validValues) spec.validValues = validValues;
  const validItems = atVersion(rec.validItems, version);
  if (validItems) spec.validItems = validItems;
  const min = atVersion(rec.min, version);
  if (typeof min === 'number') spec.min = min;
  const max = atVersion(rec.max, version);
  if (typeof max === 'number') spec.max = max;
  if (rec.doc !== undefined) spec.doc = rec.doc;
  if (atVersion(rec.required, version) === true) spec.required = true;
  if (atVersion(rec.caseInsensitive, version) === true) spec.caseInsensitive = true;
  if (rec.symbols !== undefined) spec.symbols = rec.symbols;
  if (rec.unit !== undefined) spec.unit = rec.unit;
  if (rec.since !== undefined) spec.since = rec.since;
  if (rec.until !== undefined) spec.until = rec.until;
  if (rec.importance !== undefined) spec.importance = rec.importance;
  if (rec.deprecated) spec.deprecated = true;
  if (rec.internal) spec.internal = true;
  if (rec.aliasOf !== undefined) spec.aliasOf = rec.aliasOf;
  return spec;
}

/**
 * Whether a key is one the role accepts. Keys outside what a catalogue
 * covers count as known: Confluent Schema Registry serializer settings,
 * per-listener broker overrides, Flink options outside the Kafka connector
 * and checkpointing.
 */
export function isKnownKey(role: Role, dialect: Dialect, key: string, version: string = DEFAULT_KAFKA_VERSION): boolean {
  if (locateKey(role, dialect, key, version) !== undefined) return true;
  if (passThroughKey(role, dialect, key)) return true;
  if (role === 'flink' || dialect === 'flink') {
    const namespaces = loadCatalogue('flink').namespaces ?? [];
    return !namespaces.some((ns) => key === ns || (ns.endsWith('.') && key.startsWith(ns)));
  }
  return false;
}

/** The roles whose catalogue has this key (`isolation.level` -> consumer), for "wrong file" hints. */
export function rolesForKey(dialect: Dialect, key: string, version: string = DEFAULT_KAFKA_VERSION): Role[] {
  return ROLES.filter((role) => locateKey(role, dialect, key, version) !== undefined);
}
