import type { Dialect, Role } from '../model.js';
import { satisfiesRange } from './kafka-version.js';

/**
 * Defaults the rules depend on, per role, dialect and Kafka version. The
 * generated catalogue (../catalogue) is asked first for Java keys; this table
 * covers what a ConfigDef cannot tell: librdkafka, kafkajs, Flink, Streams
 * prefixed keys, and topic keys that inherit from the broker. Sources: see
 * shared research lint-rules.md (ProducerConfig, CONFIGURATION.md, kafkajs).
 */
interface StockDefault {
  roles: Role[];
  dialects?: Dialect[];
  key: string;
  value: string | null;
  kafka?: string;
}

const CLIENTS: Role[] = ['producer', 'consumer'];
const JAVA: Dialect[] = ['java'];
const RDKAFKA: Dialect[] = ['librdkafka', 'confluent-js'];
const KAFKAJS: Dialect[] = ['kafkajs'];

const TABLE: StockDefault[] = [
  // producer, Java (KIP-679 flipped acks and idempotence in 3.0)
  { roles: ['producer', 'streams'], dialects: JAVA, key: 'enable.idempotence', value: 'true', kafka: '>=3.0' },
  { roles: ['producer', 'streams'], dialects: JAVA, key: 'enable.idempotence', value: 'false' },
  { roles: ['producer', 'streams'], dialects: JAVA, key: 'acks', value: 'all', kafka: '>=3.0' },
  { roles: ['producer', 'streams'], dialects: JAVA, key: 'acks', value: '1' },
  { roles: ['producer', 'streams'], dialects: JAVA, key: 'retries', value: '2147483647', kafka: '>=2.1' },
  { roles: ['producer', 'streams'], dialects: JAVA, key: 'retries', value: '0' },
  { roles: ['producer', 'streams'], dialects: JAVA, key: 'max.in.flight.requests.per.connection', value: '5' },
  { roles: ['producer', 'streams'], dialects: JAVA, key: 'linger.ms', value: '5', kafka: '>=4.0' },
  { roles: ['producer', 'streams'], dialects: JAVA, key: 'linger.ms', value: '0' },
  { roles: ['producer', 'streams'], dialects: JAVA, key: 'delivery.timeout.ms', value: '120000' },
  { roles: ['producer', 'streams'], dialects: JAVA, key: 'request.timeout.ms', value: '30000' },
  // producer, librdkafka (and confluent-kafka-javascript, which passes librdkafka properties through)
  { roles: ['producer'], dialects: RDKAFKA, key: 'enable.idempotence', value: 'false' },
  { roles: ['producer'], dialects: RDKAFKA, key: 'acks', value: 'all' },
  { roles: ['producer'], dialects: RDKAFKA, key: 'retries', value: '2147483647' },
  { roles: ['producer'], dialects: RDKAFKA, key: 'max.in.flight.requests.per.connection', value: '1000000' },
  { roles: ['producer'], dialects: RDKAFKA, key: 'message.timeout.ms', value: '300000' },
  { roles: ['producer'], dialects: RDKAFKA, key: 'enable.gapless.guarantee', value: 'false' },
  { roles: ['producer'], dialects: RDKAFKA, key: 'linger.ms', value: '5' },
  { roles: ['producer'], dialects: RDKAFKA, key: 'request.timeout.ms', value: '30000' },
  // producer, kafkajs: idempotent false, maxInFlightRequests null (= unlimited), retries 5
  { roles: ['producer'], dialects: KAFKAJS, key: 'enable.idempotence', value: 'false' },
  { roles: ['producer'], dialects: KAFKAJS, key: 'acks', value: 'all' },
  { roles: ['producer'], dialects: KAFKAJS, key: 'retries', value: '5' },
  { roles: ['producer'], dialects: KAFKAJS, key: 'max.in.flight.requests.per.connection', value: null },
  { roles: ['producer'], dialects: KAFKAJS, key: 'request.timeout.ms', value: '30000' },
  // every producer client
  { roles: ['producer'], key: 'transaction.timeout.ms', value: '60000' },
  { roles: ['producer'], key: 'transactional.id', value: null },
  // consumer
  { roles: ['consumer'], dialects: RDKAFKA, key: 'isolation.level', value: 'read_committed' },
  { roles: ['consumer'], dialects: RDKAFKA, key: 'enable.auto.offset.store', value: 'true' },
  { roles: ['consumer'], dialects: KAFKAJS, key: 'isolation.level', value: 'read_committed' },
  { roles: CLIENTS, key: 'isolation.level', value: 'read_uncommitted' },
  { roles: CLIENTS, key: 'enable.auto.commit', value: 'true' },
  { roles: CLIENTS, key: 'auto.offset.reset', value: 'latest' },
  { roles: CLIENTS, key: 'max.poll.interval.ms', value: '300000' },
  // broker
  { roles: ['broker'], key: 'transaction.max.timeout.ms', value: '900000' },
  { roles: ['broker'], key: 'transaction.state.log.replication.factor', value: '3' },
  { roles: ['broker'], key: 'transaction.state.log.min.isr', value: '2' },
  { roles: ['broker'], key: 'offsets.topic.replication.factor', value: '3' },
  { roles: ['broker'], key: 'min.insync.replicas', value: '1' },
  { roles: ['broker'], key: 'default.replication.factor', value: '1' },
  { roles: ['broker'], key: 'unclean.leader.election.enable', value: 'false' },
  { roles: ['broker'], key: 'auto.create.topics.enable', value: 'true' },
  { roles: ['broker'], key: 'transactional.id.expiration.ms', value: '604800000' },
  { roles: ['broker'], key: 'producer.id.expiration.ms', value: '86400000', kafka: '>=3.4' },
  { roles: ['broker'], key: 'producer.id.expiration.ms', value: '604800000' },
  { roles: ['broker'], key: 'transaction.partition.verification.enable', value: 'true', kafka: '>=3.5' },
  { roles: ['broker'], key: 'replica.lag.time.max.ms', value: '30000', kafka: '>=2.5' },
  { roles: ['broker'], key: 'replica.lag.time.max.ms', value: '10000' },
  { roles: ['broker'], key: 'log.retention.ms', value: '604800000' },
  // topic (null: inherits the broker's value, resolved by the rules that need it)
  { roles: ['topic'], key: 'retention.ms', value: '604800000' },
  // Kafka Streams (EOS-dependent defaults live in derived-defaults.ts)
  { roles: ['streams'], key: 'processing.guarantee', value: 'at_least_once' },
  { roles: ['streams'], key: 'commit.interval.ms', value: '30000' },
  { roles: ['streams'], key: 'producer.transaction.timeout.ms', value: '60000' },
  { roles: ['streams'], key: 'transaction.timeout.ms', value: '60000' },
  { roles: ['streams'], key: 'replication.factor', value: '-1', kafka: '>=3.0' },
  { roles: ['streams'], key: 'replication.factor', value: '1' },
  { roles: ['streams'], key: 'num.standby.replicas', value: '0' },
  { roles: ['streams'], key: 'max.poll.interval.ms', value: '300000' },
  { roles: ['streams'], key: 'consumer.max.poll.interval.ms', value: '300000' },
  // Flink (SQL connector options and checkpointing)
  { roles: ['flink'], key: 'sink.delivery-guarantee', value: 'at-least-once' },
  { roles: ['flink'], key: 'sink.transaction-naming-strategy', value: 'INCREMENTING' },
  { roles: ['flink'], key: 'execution.checkpointing.mode', value: 'EXACTLY_ONCE' },
  { roles: ['flink'], key: 'execution.checkpointing.timeout', value: '10 min' },
  { roles: ['flink'], key: 'execution.checkpointing.tolerable-failed-checkpoints', value: '0' },
  { roles: ['flink'], key: 'isolation.level', value: 'read_uncommitted' },
];

/** Every (role, dialect, key) the table answers, for the agreement test with the catalogue. */
export function stockDefaultKeys(): Array<{ role: Role; dialects: Dialect[] | undefined; key: string }> {
  return TABLE.flatMap((row) => row.roles.map((role) => ({ role, dialects: row.dialects, key: row.key })));
}

/**
 * The stock default of `key`, or undefined when the table does not know the key
 * (null means "known, no default").
 */
export function stockDefault(role: Role, dialect: Dialect, key: string, kafkaVersion: string): string | null | undefined {
  for (const row of TABLE) {
    if (row.key !== key || !row.roles.includes(role)) continue;
    if (row.dialects && !row.dialects.includes(dialect)) continue;
    if (row.kafka && !satisfiesRange(kafkaVersion, row.kafka)) continue;
    return row.value;
  }
  return undefined;
}
