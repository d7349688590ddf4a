import type { InitClient } from './init-types.js';

/** The clients init offers, in prompt order, with a one-line description. */
export const INIT_CLIENTS: ReadonlyArray<{ id: InitClient; label: string; hint: string }> = [
  { id: 'java', label: 'Java client', hint: 'producer.properties, consumer.properties' },
  { id: 'kafkajs', label: 'kafkajs', hint: 'kafka.jsonc (producer and consumer options)' },
  { id: 'confluent', label: '@confluentinc/kafka-javascript', hint: 'kafka.jsonc (kafkaJS block + librdkafka properties)' },
  { id: 'librdkafka', label: 'librdkafka (C, Go, Python, .NET)', hint: 'producer.properties, consumer.properties' },
  { id: 'streams', label: 'Kafka Streams', hint: 'streams.properties, downstream consumer.properties' },
  { id: 'flink-datastream', label: 'Flink DataStream', hint: 'config.yaml, KafkaSink/KafkaSource properties' },
  { id: 'flink-sql', label: 'Flink SQL', hint: 'config.yaml, pipeline.sql' },
];

/** True for a known client id. */
export function isInitClient(value: string): value is InitClient {
  return INIT_CLIENTS.some((c) => c.id === value);
}
