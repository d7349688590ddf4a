import { activeCatalogue } from '../engine/active-catalogue.js';
import type { Finding } from '../engine/finding.js';
import { lintUnits } from '../engine/lint-units.js';
import type { RuleSettings } from '../engine/rule-settings.js';
import type { ConfigUnit, Dialect, Role } from '../model.js';
import { parseFile } from '../parsers/index.js';
import { builtinRules } from '../rule/builtin-rules.js';
import { memoryUnit, type ConfigValue } from './memory-unit.js';

/**
 * Config as an object: Kafka-spelled keys (`enable.idempotence`), or, for the
 * kafkajs and confluent-js dialects, the client's own options
 * (`{ idempotent: true, retry: { retries: 5 } }`), read by the same parser as
 * a kafkajs JSON config file.
 */
export type ConfigObject = { readonly [key: string]: ConfigValue | ConfigObject };

/** What is known around the config being checked. */
export interface LintContext {
  /** The broker config in force (e.g. `{ 'transaction.max.timeout.ms': 900000 }`); stock defaults otherwise, as assumptions. */
  broker?: ConfigObject;
  /** Brokers in the cluster. */
  brokerCount?: number;
  /** Topic configs by name (`replication.factor`, `min.insync.replicas`...). */
  topics?: Readonly<Record<string, ConfigObject>>;
  /** For consumers: whether a transactional producer writes what it reads. */
  upstreamTransactional?: boolean;
}

/** Options of {@link lintConfig}. */
export interface LintConfigOptions {
  role: Role;
  /** Whose defaults apply: `java` (default), `librdkafka`, `kafkajs`, `confluent-js`, `flink`. */
  dialect?: Dialect;
  config: ConfigObject;
  /** Kafka version whose defaults apply (default: the current one). */
  kafkaVersion?: string;
  context?: LintContext;
  /** Rule id or alias -> severity or `off`. */
  rules?: RuleSettings;
}

/**
 * Checks one configuration object against every eos-lint rule. The single
 * source of truth the writer, reader and processor use to refuse unsafe
 * configs: `lintConfig(...).filter(f => f.severity === 'error')`.
 */
export function lintConfig(options: LintConfigOptions): Finding[] {
  const catalogue = activeCatalogue();
  const kafkaVersion = catalogue.resolveVersion(options.kafkaVersion ?? catalogue.defaultKafkaVersion);
  const main = mainUnit(options);
  const units: ConfigUnit[] = [main];
  const ctx = options.context ?? {};
  if (ctx.broker) units.push(memoryUnit({ role: 'broker', config: flat(ctx.broker), file: '<broker>' }));
  for (const [name, config] of Object.entries(ctx.topics ?? {})) {
    units.push(memoryUnit({ role: 'topic', config: flat(config), file: `<topic ${name}>` }));
  }
  const findings = lintUnits(units, {
    rules: builtinRules(),
    kafkaVersion,
    catalogue,
    settings: options.rules,
    facts: { brokerCount: ctx.brokerCount, brokerCountSource: 'the caller', upstreamTransactional: ctx.upstreamTransactional },
  });
  return findings.filter((f) => f.unitId === main.id);
}

/** Only scalar values (nested objects are a kafkajs layout, not Kafka keys). */
function flat(config: ConfigObject): Record<string, ConfigValue> {
  return Object.fromEntries(Object.entries(config).filter((e): e is [string, ConfigValue] => typeof e[1] !== 'object' || e[1] === null));
}

/** kafkajs-style option names (camelCase) or nesting mark a config in the client's own spelling. */
function clientSpelled(config: ConfigObject): boolean {
  return Object.entries(config).some(([k, v]) => /^[a-z]+[A-Z]/.test(k) || (typeof v === 'object' && v !== null));
}

/** The unit under test: read through the kafkajs/confluent-js parser when spelled that way. */
function mainUnit(options: LintConfigOptions): ConfigUnit {
  const { role, dialect, config } = options;
  if ((dialect === 'kafkajs' || dialect === 'confluent-js') && (role === 'producer' || role === 'consumer') && clientSpelled(config)) {
    const body = dialect === 'confluent-js' ? { [role]: { kafkaJS: config } } : { [role]: config };
    const parsed = parseFile(`<${role}>.json`, JSON.stringify(body, null, 2), { role, format: 'client-js' });
    const unit = parsed.units.find((u) => u.role === role);
    if (unit) {
      // Keys as the caller wrote them, without the wrapper this function added.
      const wrapper = new RegExp(`^${role}\\.(kafkaJS\\.)?`);
      for (const entry of [...unit.entries.values(), ...unit.shadowed]) entry.rawKey = entry.rawKey.replace(wrapper, '');
      return unit;
    }
  }
  return memoryUnit({ role, dialect, config: flat(config), file: `<${role}>` });
}
