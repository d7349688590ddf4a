import { defaultValue } from '../catalogue/default-value.js';
import { DEFAULT_KAFKA_VERSION, resolveVersion } from '../catalogue/kafka-versions.js';
import { isKnownKey, keySpec } from '../catalogue/key-spec.js';
import { suggestKey } from '../catalogue/suggest-key.js';
import type { CataloguePort } from './catalogue-port.js';
import { fallbackCatalogue } from './fallback-catalogue.js';

/**
 * The engine's view of the generated key catalogue (../catalogue, built from
 * Kafka's ConfigDefs, librdkafka's CONFIGURATION.md and the kafkajs/Flink
 * tables). Value checking falls back to the engine's own checker until the
 * catalogue exports one.
 */
const generatedCatalogue: CataloguePort = {
  defaultKafkaVersion: DEFAULT_KAFKA_VERSION,
  resolveVersion,
  defaultValue: (role, dialect, key, version) => defaultValue(role, dialect, key, version),
  keySpec: (role, dialect, key, version) => keySpec(role, dialect, key, version),
  covers: (role) => role !== 'flink',
  isKnownKey: (role, dialect, key, version) => isKnownKey(role, dialect, key, version),
  suggestKey: (role, dialect, key, version) => suggestKey(role, dialect, key, version),
  checkValue: (spec, value) => fallbackCatalogue.checkValue(spec, value),
};

/** The catalogue the engine uses. */
export function activeCatalogue(): CataloguePort {
  return generatedCatalogue;
}
