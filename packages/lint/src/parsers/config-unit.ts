import type { ConfigEntry, ConfigUnit, Dialect, Position, Role } from '../model.js';
import { isSecretKey } from './secret-keys.js';

/** What identifies a unit before its entries are added. */
export interface UnitInit {
  id: string;
  file: string;
  role: Role;
  dialect: Dialect;
  roleSource: ConfigUnit['roleSource'];
  name?: string;
}

/** Creates an empty unit. */
export function createUnit(init: UnitInit): ConfigUnit {
  const unit: ConfigUnit = {
    id: init.id,
    file: init.file,
    role: init.role,
    dialect: init.dialect,
    roleSource: init.roleSource,
    entries: new Map(),
    shadowed: [],
  };
  if (init.name !== undefined) unit.name = init.name;
  return unit;
}

/**
 * Adds an entry; when the key is already set, the earlier entry moves to
 * `shadowed` (last one wins, as in Kafka's Properties).
 */
export function addEntry(unit: ConfigUnit, entry: ConfigEntry): void {
  const earlier = unit.entries.get(entry.key);
  if (earlier !== undefined) {
    unit.shadowed.push(earlier);
    // Re-insert so iteration order follows the winning occurrence.
    unit.entries.delete(entry.key);
  }
  unit.entries.set(entry.key, entry);
}

/** Fields of an entry a parser knows; `secret` is derived from the key. */
export interface EntryInit {
  key: string;
  rawKey: string;
  value: string;
  rawValue: string;
  file: string;
  position: Position;
  valuePosition: Position;
}

/** Builds an entry, marking secrets. */
export function makeEntry(init: EntryInit): ConfigEntry {
  return { ...init, secret: isSecretKey(init.key) || isSecretKey(init.rawKey) };
}

/**
 * Adds entries in precedence layers (lowest first): a later layer replaces a
 * key without calling it a duplicate (Spring's section over shared settings);
 * a key repeated within one layer shadows as usual.
 */
export function addLayers(unit: ConfigUnit, layers: ConfigEntry[][]): void {
  for (const entries of layers) {
    const scratch = createUnit(unit);
    for (const e of entries) addEntry(scratch, e);
    for (const [key, e] of scratch.entries) {
      unit.entries.delete(key);
      unit.entries.set(key, e);
    }
    unit.shadowed.push(...scratch.shadowed);
  }
}
