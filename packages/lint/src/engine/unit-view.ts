import type { ConfigEntry, ConfigUnit, Position } from '../model.js';
import type { FlinkUnitKind } from '../rule/rule-types.js';
import type { CataloguePort } from './catalogue-port.js';
import { derivedDefault } from './derived-defaults.js';
import { keyCandidates, keyToAdd } from './key-candidates.js';
import { stockDefault } from './stock-defaults.js';

/** Where an effective value comes from. */
export type ValueSource = 'user' | 'derived' | 'inherited' | 'default' | 'unset';

/** The value a key really has: the user's, else the default in play. */
export interface EffectiveValue {
  /** The key as the rule names it. */
  key: string;
  value: string | null;
  source: ValueSource;
  /** The user's entry, when `source` is `user`. */
  entry?: ConfigEntry;
  /** Why a derived default applies (Streams under EOS, Flink's KafkaSink...). */
  note?: string;
  /** Set when the value rests on a config nobody showed (a stock broker default): findings built on it are capped at warning. */
  assumption?: string;
  /** The unit the value was inherited from (a topic inheriting its broker's setting). */
  from?: UnitView;
}

/** Supplies a value a unit inherits when the user did not set it (topics inherit from brokers). */
export type InheritedLookup = (key: string) => EffectiveValue | undefined;

/** A unit plus the Kafka version in play: answers effective values, memoized. */
export interface UnitView {
  readonly unit: ConfigUnit;
  readonly kafkaVersion: string;
  effective(key: string): EffectiveValue;
  /** Shorthand for `effective(key).value`. */
  get(key: string): string | null;
  /** The user's entry for `key` under any of its spellings. */
  userEntry(key: string): ConfigEntry | undefined;
  /** Where findings about keys the user did not set are placed. */
  readonly anchor: Position;
  /** Kinds of a flink unit (a SQL table can be source and sink). */
  readonly flinkKinds: ReadonlySet<FlinkUnitKind>;
}

/** Builds the view of one unit. */
export function createUnitView(
  unit: ConfigUnit,
  kafkaVersion: string,
  catalogue: CataloguePort,
  inherited?: InheritedLookup,
): UnitView {
  const cache = new Map<string, EffectiveValue>();
  const userEntry = (key: string): ConfigEntry | undefined => {
    for (const candidate of keyCandidates(unit.role, key)) {
      const entry = unit.entries.get(candidate);
      if (entry) return entry;
    }
    return undefined;
  };
  const userValue = (key: string): string | null => userEntry(key)?.value ?? null;
  const effective = (key: string): EffectiveValue => {
    const hit = cache.get(key);
    if (hit) return hit;
    const result = computeEffective(key);
    cache.set(key, result);
    return result;
  };
  const computeEffective = (key: string): EffectiveValue => {
    const entry = userEntry(key);
    if (entry) return { key, value: entry.value, source: 'user', entry };
    const derived = derivedDefault(unit.role, unit.dialect, key, userValue);
    if (derived) return { key, value: derived.value, source: 'derived', note: derived.note };
    const parent = inherited?.(key);
    if (parent) {
      return { key, value: parent.value, source: 'inherited', from: parent.from, assumption: parent.assumption, note: `inherited from the broker's ${parent.key}` };
    }
    // The generated catalogue first, asked for the most specific spelling it knows (Streams'
    // `producer.retries` is the producer's retries, bare `retries` a Streams setting); the stock
    // table covers what it does not know.
    let fromCatalogue: string | null | undefined;
    for (const candidate of unit.role === 'streams' ? keyCandidates(unit.role, key) : [keyToAdd(unit.role, key)]) {
      fromCatalogue = catalogue.defaultValue(unit.role, unit.dialect, candidate, kafkaVersion);
      if (fromCatalogue !== undefined) break;
    }
    const bare = unit.role === 'flink' ? key.replace(/^properties\./, '') : key;
    const value = fromCatalogue !== undefined ? fromCatalogue : stockDefault(unit.role, unit.dialect, bare, kafkaVersion);
    if (value === undefined || value === null) return { key, value: null, source: 'unset' };
    return { key, value, source: 'default' };
  };
  return {
    unit,
    kafkaVersion,
    effective,
    get: (key) => effective(key).value,
    userEntry,
    anchor: unitAnchor(unit),
    flinkKinds: flinkKinds(unit),
  };
}

function unitAnchor(unit: ConfigUnit): Position {
  let best: Position | undefined;
  for (const entry of unit.entries.values()) {
    if (!best || entry.position.line < best.line) best = entry.position;
  }
  return best ?? { line: 1, column: 1 };
}

function flinkKinds(unit: ConfigUnit): Set<FlinkUnitKind> {
  const kinds = new Set<FlinkUnitKind>();
  if (unit.role !== 'flink') return kinds;
  // The Flink SQL parser knows from INSERT INTO / FROM whether a table is written or read.
  const tableKind = (unit as ConfigUnit & { tableKind?: 'source' | 'sink' | 'both' | 'unknown' }).tableKind;
  if (tableKind === 'sink' || tableKind === 'both') kinds.add('flink-sink');
  if (tableKind === 'source' || tableKind === 'both') kinds.add('flink-source');
  if (kinds.size > 0) return kinds;
  for (const key of unit.entries.keys()) {
    if (key.startsWith('sink.') || key === 'properties.transaction.timeout.ms') kinds.add('flink-sink');
    else if (key.startsWith('scan.') || key === 'properties.group.id' || key === 'properties.isolation.level') kinds.add('flink-source');
    else if (key.startsWith('execution.') || key.startsWith('state.') || key.startsWith('restart-strategy')) kinds.add('flink-job');
  }
  // A Kafka table with neither sink. nor scan. options can be read and written.
  if (kinds.size === 0 && [...unit.entries.keys()].some((k) => k === 'connector' || k === 'topic' || k.startsWith('properties.'))) {
    kinds.add('flink-sink');
    kinds.add('flink-source');
  }
  return kinds;
}
