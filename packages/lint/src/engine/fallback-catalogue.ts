import type { Dialect, KeySpec, Role } from '../model.js';
import type { CataloguePort } from './catalogue-port.js';
import { parseNumber } from './parse-number.js';
import { stockDefault } from './stock-defaults.js';

/** Allowed values of the enum keys the rules read, as Kafka/Flink spell them. */
const ENUMS: Record<string, string[]> = {
  acks: ['all', '-1', '0', '1'],
  'isolation.level': ['read_committed', 'read_uncommitted'],
  'auto.offset.reset': ['earliest', 'latest', 'none', 'smallest', 'largest', 'beginning', 'end', 'error'],
  'processing.guarantee': ['at_least_once', 'exactly_once', 'exactly_once_beta', 'exactly_once_v2'],
  'sink.delivery-guarantee': ['exactly-once', 'at-least-once', 'none'],
  'sink.semantic': ['exactly-once', 'at-least-once', 'none'],
  'sink.transaction-naming-strategy': ['INCREMENTING', 'POOLING'],
};
const BOOLEAN = /^(enable\.|.*\.enable$)/;

/**
 * Types and values for the keys the rules read, used where the generated
 * catalogue has no entry (non-Java dialects, Flink). It does not claim to know
 * every key, so `unknown-key` stays silent with it.
 */
export const fallbackCatalogue: CataloguePort = {
  defaultKafkaVersion: '4.1',
  resolveVersion(version) {
    if (!/^\d+\.\d+(\.\d+)?$/.test(version.trim())) throw new Error(`unknown Kafka version "${version}"`);
    return version.trim();
  },
  defaultValue: () => undefined,
  keySpec(role: Role, dialect: Dialect, key: string, version: string): KeySpec | undefined {
    const bare = key.replace(/^(properties|producer|consumer|main\.consumer)\./, '');
    const validValues = ENUMS[bare];
    const def = stockDefault(role, dialect, bare, version);
    if (validValues) return { key, type: 'string', default: def ?? null, validValues };
    if (BOOLEAN.test(bare) && (def === 'true' || def === 'false')) return { key, type: 'boolean', default: def };
    if (def !== undefined && def !== null && parseNumber(def) !== null && role !== 'flink') return { key, type: 'long', default: def };
    return undefined;
  },
  covers: () => false,
  isKnownKey: () => true,
  suggestKey: () => undefined,
  checkValue(spec, value) {
    const v = value.trim();
    if (spec.symbols?.includes(v)) return null;
    if (spec.validValues) {
      const fold = spec.caseInsensitive !== false;
      const ok = spec.validValues.some((allowed) => (fold ? allowed.toLowerCase() === v.toLowerCase() : allowed === v));
      return ok ? null : `"${value}" is not one of ${spec.validValues.join(', ')}`;
    }
    if (spec.type === 'boolean') return /^(true|false)$/i.test(v) ? null : `"${value}" is not a boolean (true or false)`;
    if (spec.type === 'long' || spec.type === 'int' || spec.type === 'short') {
      if (v === '') return 'empty value for an integer key';
      if (!/^[+-]?\d+$/.test(v)) return `"${value}" is not an integer`;
      const n = Number(v);
      if (spec.min !== undefined && n < spec.min) return `${v} is below the minimum ${spec.min}`;
      if (spec.max !== undefined && n > spec.max) return `${v} is above the maximum ${spec.max}`;
      return null;
    }
    if (spec.type === 'double' && (v === '' || Number.isNaN(Number(v)))) return `"${value}" is not a number`;
    return null;
  },
};
