import type { Dialect, Role } from '../model.js';
import { atVersion, loadCatalogue } from './catalogue-file.js';
import { DEFAULT_KAFKA_VERSION, resolveVersion } from './kafka-versions.js';
import { locateKey } from './locate-key.js';

/** Settings elsewhere in the unit that change a default. */
export interface DefaultContext {
  /** Kafka Streams `processing.guarantee` in effect: EOS changes commit.interval.ms and client defaults. */
  processingGuarantee?: string;
  /** Flink: the API the job uses; a DataStream KafkaSink defaults to delivery guarantee NONE, SQL to at-least-once. */
  flinkApi?: 'sql' | 'datastream';
}

/**
 * The default a key takes when the user does not set it, in the dialect's
 * own terms: Java per Kafka version (acks `1` before 3.0, `all` after),
 * librdkafka (enable.idempotence false, max.in.flight 1000000,
 * isolation.level read_committed), kafkajs (`idempotent` false,
 * `readUncommitted` false = read_committed), Flink (KafkaSink's 1 h
 * transaction timeout). Null: the key has no default. Undefined: unknown key.
 */
export function defaultValue(
  role: Role,
  dialect: Dialect,
  key: string,
  version: string = DEFAULT_KAFKA_VERSION,
  context: DefaultContext = {},
): string | null | undefined {
  const found = locateKey(role, dialect, key, version);
  if (found === undefined) return undefined;
  if (role === 'streams' && context.processingGuarantee !== undefined) {
    const effect = streamsEffect(key, resolveVersion(version), context.processingGuarantee);
    if (effect !== undefined) return effect;
  }
  if (context.flinkApi === 'datastream' && found.rec.datastreamDefault !== undefined) return found.rec.datastreamDefault;
  return atVersion(found.rec.default, found.version) ?? null;
}

/** What Kafka Streams itself sets for a key under a processing guarantee (kafka-streams.json guaranteeEffects). */
function streamsEffect(key: string, version: string, guarantee: string): string | undefined {
  const effects = loadCatalogue('kafka-streams').guaranteeEffects ?? {};
  if (!Object.hasOwn(effects, guarantee)) return undefined;
  const atV = atVersion(effects[guarantee], version);
  if (atV === undefined) return undefined;
  const forms = /^(producer|consumer)\./.test(key)
    ? [key]
    : key.startsWith('main.consumer.')
      ? ['consumer.' + key.slice('main.consumer.'.length)]
      : [key, 'producer.' + key, 'consumer.' + key];
  for (const form of forms) if (Object.hasOwn(atV, form)) return atV[form];
  return undefined;
}
