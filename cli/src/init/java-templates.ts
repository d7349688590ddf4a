import { bootstrapServers, type Replication } from './broker-config.js';

/** Java client producer: transactional, idempotence explicit so a conflicting setting fails fast. */
export function javaProducer(brokers: number): string {
  return `# Transactional producer (Java client). Load with Properties.load() and pass to KafkaProducer.
bootstrap.servers=${bootstrapServers(brokers)}
key.serializer=org.apache.kafka.common.serialization.StringSerializer
value.serializer=org.apache.kafka.common.serialization.ByteArraySerializer

# Exactly-once: idempotence set explicitly, so a conflicting acks/retries/in-flight fails at start.
enable.idempotence=true
acks=all
max.in.flight.requests.per.connection=5
# Stable per logical producer (e.g. one per input partition or instance), never random:
# a restarted instance with the same id fences its zombie predecessor.
transactional.id=orders-writer-0
# Must stay <= the brokers' transaction.max.timeout.ms (900000).
transaction.timeout.ms=60000
`;
}

/** Java client consumer: reads committed data only and commits offsets itself (in the transaction). */
export function javaConsumer(brokers: number, group = 'orders-reader'): string {
  return `# read_committed consumer (Java client): sees only committed transactions, commits offsets itself.
bootstrap.servers=${bootstrapServers(brokers)}
group.id=${group}
key.deserializer=org.apache.kafka.common.serialization.StringDeserializer
value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer

isolation.level=read_committed
# Offsets are committed with the output (sendOffsetsToTransaction) or after processing, never on a timer.
enable.auto.commit=false
# A new group starts from the beginning rather than skipping what was written before it joined.
auto.offset.reset=earliest
`;
}

/** librdkafka producer properties (C, Go, Python, .NET clients). */
export function librdkafkaProducer(brokers: number): string {
  return `# Transactional producer (librdkafka properties: C, confluent-kafka-go/python/dotnet).
bootstrap.servers=${bootstrapServers(brokers)}

# Exactly-once: idempotence explicit (librdkafka defaults it to false).
enable.idempotence=true
acks=all
# Fail instead of silently leaving a gap when a batch cannot be retried.
enable.gapless.guarantee=true
transactional.id=orders-writer-0
# Must stay <= the brokers' transaction.max.timeout.ms (900000); message.timeout.ms must not exceed it.
transaction.timeout.ms=60000
message.timeout.ms=60000
# librdkafka-only: marks this file as librdkafka for eos-lint as well.
queue.buffering.max.ms=5
`;
}

/** librdkafka consumer properties. */
export function librdkafkaConsumer(brokers: number): string {
  return `# read_committed consumer (librdkafka properties).
bootstrap.servers=${bootstrapServers(brokers)}
group.id=orders-reader
isolation.level=read_committed
# Commit offsets explicitly after processing; do not let librdkafka store them on poll.
enable.auto.commit=false
enable.auto.offset.store=false
auto.offset.reset=earliest
`;
}

/** Kafka Streams application with exactly_once_v2. */
export function streamsProperties(brokers: number, r: Replication): string {
  const allow = (rule: string) => (r.compromise ? `# eos-lint-disable-next-line ${rule} -- ${r.compromise}\n` : '');
  return `# Kafka Streams application with exactly-once processing.
application.id=orders-enricher
bootstrap.servers=${bootstrapServers(brokers)}
# exactly_once_v2 (Kafka 2.5+ brokers): one producer per thread, fenced by the group generation.
processing.guarantee=exactly_once_v2
# Transactions commit every 100 ms (the EOS default), so downstream read_committed consumers see data quickly.
commit.interval.ms=100
# Streams lowers the transaction timeout to 10 s under EOS; restores and rebalances outlast that.
# Keep it <= the brokers' transaction.max.timeout.ms (900000).
producer.transaction.timeout.ms=60000
# Internal changelog and repartition topics: replicated like the other topics.
${allow('streams-replication-factor-below-3')}replication.factor=${r.rf}
${allow('streams-internal-topics-min-isr-low')}topic.min.insync.replicas=${r.minIsr}
# A warm standby shortens recovery after an instance dies.
num.standby.replicas=1
`;
}
