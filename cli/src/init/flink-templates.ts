import { bootstrapServers } from './broker-config.js';

/** Flink config.yaml with exactly-once checkpointing. */
export function flinkConfig(): string {
  return `# Flink 2.x config.yaml of the orders job: exactly-once sinks commit on checkpoints.
execution:
  checkpointing:
    interval: 30 s
    mode: EXACTLY_ONCE
    timeout: 5 min
    # Kafka transactions must outlive (tolerable failures + 1) x (interval + timeout) = 5.5 min here.
    tolerable-failed-checkpoints: 0
`;
}

/** Properties handed to KafkaSink.builder().setKafkaProducerConfig(...) in a DataStream job. */
export function flinkSinkProperties(brokers: number): string {
  return `# Producer properties of the KafkaSink (DataStream API):
#   KafkaSink.builder()
#     .setBootstrapServers(props.getProperty("bootstrap.servers"))
#     .setKafkaProducerConfig(props)
#     .setDeliveryGuarantee(DeliveryGuarantee.EXACTLY_ONCE)
#     .setTransactionalIdPrefix("orders-job-out")   // unique per job, stable across restarts
#     ...
bootstrap.servers=${bootstrapServers(brokers)}
acks=all
enable.idempotence=true
# Flink would default this to 1 h, above the brokers' 15 min maximum; it must also outlive
# (tolerable failed checkpoints + 1) x (checkpoint interval + timeout) = 5.5 min (see config.yaml).
transaction.timeout.ms=900000
`;
}

/** Properties handed to KafkaSource.builder().setProperties(...) in a DataStream job. */
export function flinkSourceProperties(brokers: number): string {
  return `# Consumer properties of the KafkaSource (DataStream API): KafkaSource.builder().setProperties(props)...
bootstrap.servers=${bootstrapServers(brokers)}
group.id=orders-job
# Read only committed transactions of the upstream producer.
isolation.level=read_committed
# Flink checkpoints the offsets itself; the group offsets are only for monitoring.
enable.auto.commit=false
auto.offset.reset=earliest
`;
}

/** Flink SQL: a read_committed source and an exactly-once sink. */
export function flinkSql(brokers: number): string {
  const servers = bootstrapServers(brokers);
  return `-- Orders job: read committed input, write exactly-once output.
CREATE TABLE orders_in (id BIGINT, amount DECIMAL(10, 2)) WITH (
  'connector' = 'kafka',
  'topic' = 'orders',
  'properties.bootstrap.servers' = '${servers}',
  'properties.group.id' = 'orders-job',
  -- Only committed transactions of the upstream producer.
  'properties.isolation.level' = 'read_committed',
  'scan.startup.mode' = 'group-offsets',
  'properties.auto.offset.reset' = 'earliest',
  'format' = 'json'
);
CREATE TABLE orders_out (id BIGINT, amount DECIMAL(10, 2)) WITH (
  'connector' = 'kafka',
  'topic' = 'orders-enriched',
  'properties.bootstrap.servers' = '${servers}',
  'sink.delivery-guarantee' = 'exactly-once',
  -- Unique per job and stable across restarts.
  'sink.transactional-id-prefix' = 'orders-job-out',
  -- At most the brokers' 15 min maximum, and above the checkpoint bound in config.yaml (5.5 min).
  'properties.transaction.timeout.ms' = '900000',
  'format' = 'json'
);
INSERT INTO orders_out SELECT id, amount FROM orders_in;
`;
}
