/**
 * Kafka client libraries (kafkajs, and confluent's KafkaJS-style API) throw
 * their own error classes. One escaping eoskit's own mapping is still a Kafka
 * failure (a broker down, a rejoin), not a bug: the CLI prints it as one line.
 */
export function clientErrorLine(err: unknown): string | undefined {
  if (!(err instanceof Error)) return undefined;
  if (!/^(KafkaJS\w+|LibrdKafkaError)$/.test(err.name)) return undefined;
  return `Kafka client error: ${err.message} (${err.name})`;
}
