/**
 * Key catalogues: what every producer, consumer, broker, topic, Streams,
 * librdkafka, kafkajs and Flink key is, its default per version and valid
 * values. Data lives in schemas/catalogues/ (generated from Kafka's
 * ConfigDefs, see packages/lint/scripts/README.md) and loads lazily, one
 * file per role on first use.
 */
export { KAFKA_VERSIONS, DEFAULT_KAFKA_VERSION, resolveVersion, compareVersions, parseVersion } from './kafka-versions.js';
export { keySpec, isKnownKey, rolesForKey } from './key-spec.js';
export { defaultValue } from './default-value.js';
export type { DefaultContext } from './default-value.js';
export { suggestKey } from './suggest-key.js';
export { checkValue } from './check-value.js';
