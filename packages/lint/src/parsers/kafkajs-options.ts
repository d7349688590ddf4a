import type { WriteValue } from './scalar-writer.js';

/** Which client an option belongs to. */
export type OptionScope = 'common' | 'producer' | 'consumer';

/** A kafkajs option and its Kafka key, with value conversions both ways. */
interface OptionRule {
  key: string;
  toKafka?: (v: string) => string;
  fromKafka?: (v: string) => WriteValue;
}

const num = (v: string): WriteValue => ({ text: v, kind: 'number' });
const bool = (v: string): WriteValue => ({ text: v, kind: 'boolean' });
const COMPRESSION = ['none', 'gzip', 'snappy', 'lz4', 'zstd'];

const rules = (entries: [string, OptionRule][]): Map<string, OptionRule> => new Map(entries);

/** Options of `new Kafka({...})`, shared by producers and consumers. */
const CLIENT = rules([
  ['clientId', { key: 'client.id' }],
  ['brokers', { key: 'bootstrap.servers' }],
  ['connectionTimeout', { key: 'socket.connection.setup.timeout.ms', fromKafka: num }],
  ['requestTimeout', { key: 'request.timeout.ms', fromKafka: num }],
  ['retry.retries', { key: 'retries', fromKafka: num }],
  ['retry.initialRetryTime', { key: 'retry.backoff.ms', fromKafka: num }],
  ['retry.maxRetryTime', { key: 'retry.backoff.max.ms', fromKafka: num }],
  ['sasl.mechanism', { key: 'sasl.mechanism' }],
  ['sasl.username', { key: 'sasl.username' }],
  ['sasl.password', { key: 'sasl.password' }],
]);

/** Options of `kafka.producer({...})` and of `producer.send({...})`. */
const PRODUCER = rules([
  ['idempotent', { key: 'enable.idempotence', fromKafka: bool }],
  ['maxInFlightRequests', { key: 'max.in.flight.requests.per.connection', fromKafka: num }],
  ['transactionalId', { key: 'transactional.id' }],
  ['transactionTimeout', { key: 'transaction.timeout.ms', fromKafka: num }],
  ['allowAutoTopicCreation', { key: 'allow.auto.create.topics', fromKafka: bool }],
  ['metadataMaxAge', { key: 'metadata.max.age.ms', fromKafka: num }],
  ['acks', { key: 'acks', toKafka: (v) => v, fromKafka: (v) => num(v === 'all' ? '-1' : v) }],
  ['compression', { key: 'compression.type', toKafka: (v) => COMPRESSION[Number(v)] ?? v, fromKafka: (v) => num(String(Math.max(0, COMPRESSION.indexOf(v)))) }],
]);

/** Options of `kafka.consumer({...})`, `consumer.run({...})` and `consumer.subscribe({...})`. */
const CONSUMER = rules([
  ['groupId', { key: 'group.id' }],
  ['sessionTimeout', { key: 'session.timeout.ms', fromKafka: num }],
  ['heartbeatInterval', { key: 'heartbeat.interval.ms', fromKafka: num }],
  ['metadataMaxAge', { key: 'metadata.max.age.ms', fromKafka: num }],
  ['allowAutoTopicCreation', { key: 'allow.auto.create.topics', fromKafka: bool }],
  ['maxBytesPerPartition', { key: 'max.partition.fetch.bytes', fromKafka: num }],
  ['minBytes', { key: 'fetch.min.bytes', fromKafka: num }],
  ['maxBytes', { key: 'fetch.max.bytes', fromKafka: num }],
  ['maxWaitTimeInMs', { key: 'fetch.max.wait.ms', fromKafka: num }],
  ['maxInFlightRequests', { key: 'max.in.flight.requests.per.connection', fromKafka: num }],
  ['rackId', { key: 'client.rack' }],
  ['readUncommitted', { key: 'isolation.level', toKafka: (v) => (v === 'true' ? 'read_uncommitted' : 'read_committed'), fromKafka: (v) => bool(String(v === 'read_uncommitted')) }],
  ['autoCommit', { key: 'enable.auto.commit', fromKafka: bool }],
  ['autoCommitInterval', { key: 'auto.commit.interval.ms', fromKafka: num }],
  ['fromBeginning', { key: 'auto.offset.reset', toKafka: (v) => (v === 'true' ? 'earliest' : 'latest'), fromKafka: (v) => bool(String(v === 'earliest')) }],
]);

/** kafkajs options whose place is `consumer.run({...})` / `consumer.subscribe({...})` / `producer.send({...})`. */
export const CALL_OPTIONS: Readonly<Record<string, 'run' | 'subscribe' | 'send'>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, 'run' | 'subscribe' | 'send'>, {
    autoCommit: 'run', autoCommitInterval: 'run', autoCommitThreshold: 'run', partitionsConsumedConcurrently: 'run', eachBatchAutoResolve: 'run',
    fromBeginning: 'subscribe', acks: 'send', compression: 'send', timeout: 'send',
  }),
);

/** The scopes whose table holds an option, most specific first. */
export function scopesOf(option: string): OptionScope[] {
  const out: OptionScope[] = [];
  if (PRODUCER.has(option)) out.push('producer');
  if (CONSUMER.has(option)) out.push('consumer');
  if (CLIENT.has(option)) out.push('common');
  return out;
}

/**
 * A kafkajs option (path joined with `.`: `retry.retries`) read as a Kafka
 * key and value for a client scope. Options without a Kafka equivalent keep
 * their kafkajs name.
 */
export function kafkaOfOption(scope: OptionScope, option: string, value: string): { key: string; value: string } {
  const rule = (scope === 'producer' ? PRODUCER.get(option) : scope === 'consumer' ? CONSUMER.get(option) : undefined) ?? CLIENT.get(option);
  if (rule === undefined) return { key: option, value };
  return { key: rule.key, value: rule.toKafka ? rule.toKafka(value) : value };
}

/** The kafkajs option and value that set a Kafka key for a scope (the inverse of {@link kafkaOfOption}). */
export function optionOfKafka(scope: Exclude<OptionScope, 'common'>, key: string, value: string): { option: string; value: WriteValue } {
  for (const table of [scope === 'producer' ? PRODUCER : CONSUMER, CLIENT]) {
    for (const [option, rule] of table) {
      if (rule.key === key) return { option, value: rule.fromKafka ? rule.fromKafka(value) : { text: value, kind: 'auto' } };
    }
  }
  return { option: key, value: { text: value, kind: 'auto' } };
}
