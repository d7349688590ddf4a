import type { ConfigEntry, ConfigUnit, Dialect, Role } from '../model.js';
import { isSecretKey } from '../engine/redact.js';

/** A config value as callers hold it in code. */
export type ConfigValue = string | number | boolean | null | undefined;

/**
 * Builds a unit from an in-memory object (keys in Kafka spelling). Each key
 * gets its own "line" in insertion order, so findings still point somewhere.
 */
export function memoryUnit(options: {
  role: Role;
  dialect?: Dialect;
  config: Readonly<Record<string, ConfigValue>>;
  file?: string;
  id?: string;
}): ConfigUnit {
  const file = options.file ?? `<${options.role}>`;
  const entries = new Map<string, ConfigEntry>();
  let line = 0;
  for (const [key, raw] of Object.entries(options.config)) {
    line += 1;
    if (raw === undefined || raw === null) continue;
    const value = String(raw);
    entries.set(key, {
      key,
      rawKey: key,
      value,
      rawValue: value,
      file,
      position: { line, column: 1 },
      valuePosition: { line, column: key.length + 2 },
      secret: isSecretKey(key),
    });
  }
  return {
    id: options.id ?? file,
    file,
    role: options.role,
    dialect: options.dialect ?? (options.role === 'flink' ? 'flink' : 'java'),
    roleSource: 'explicit',
    entries,
    shadowed: [],
  };
}
