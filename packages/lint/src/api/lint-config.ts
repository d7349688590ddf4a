import { activeCatalogue } from '../engine/active-catalogue.js';
import type { Finding } from '../engine/finding.js';
import { lintUnits } from '../engine/lint-units.js';
import type { RuleSettings } from '../engine/rule-settings.js';
import type { ConfigUnit, Dialect, Role } from '../model.js';
import { builtinRules } from '../rule/builtin-rules.js';
import { memoryUnit, type ConfigValue } from './memory-unit.js';

/** Config as an object with Kafka-spelled keys (`enable.idempotence`, `transaction.timeout.ms`). */
export type ConfigObject = Readonly<Record<string, ConfigValue>>;

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
  const main = memoryUnit({ role: options.role, dialect: options.dialect, config: options.config, file: `<${options.role}>` });
  const units: ConfigUnit[] = [main];
  const ctx = options.context ?? {};
  if (ctx.broker) units.push(memoryUnit({ role: 'broker', config: ctx.broker, file: '<broker>' }));
  for (const [name, config] of Object.entries(ctx.topics ?? {})) {
    units.push(memoryUnit({ role: 'topic', config, file: `<topic ${name}>` }));
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
