import { checkValue, defaultValue, DEFAULT_KAFKA_VERSION, isKnownKey, keySpec, resolveVersion, suggestKey } from '../catalogue/index.js';
import type { KeySpec } from '../model.js';
import type { CataloguePort } from './catalogue-port.js';

/** An empty list of allowed values/items means "no constraint" (ConfigDef list keys without a validator). */
function withoutEmptyLists(spec: KeySpec): KeySpec {
  const out = { ...spec };
  if (out.validItems?.length === 0) delete out.validItems;
  if (out.validValues?.length === 0) delete out.validValues;
  return out;
}

/**
 * The engine's view of the generated key catalogue (../catalogue, built from
 * Kafka's ConfigDefs, librdkafka's CONFIGURATION.md and the kafkajs/Flink
 * tables).
 */
const generatedCatalogue: CataloguePort = {
  defaultKafkaVersion: DEFAULT_KAFKA_VERSION,
  resolveVersion,
  defaultValue: (role, dialect, key, version) => defaultValue(role, dialect, key, version),
  keySpec: (role, dialect, key, version) => keySpec(role, dialect, key, version),
  covers: () => true,
  isKnownKey: (role, dialect, key, version) => isKnownKey(role, dialect, key, version),
  suggestKey: (role, dialect, key, version) => suggestKey(role, dialect, key, version),
  checkValue: (spec, value) => checkValue(withoutEmptyLists(spec), value) ?? null,
};

/** The catalogue the engine uses. */
export function activeCatalogue(): CataloguePort {
  return generatedCatalogue;
}
