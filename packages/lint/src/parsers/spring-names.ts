import { durationMs } from './duration.js';
import { normalizeScalar } from './normalize-value.js';

/** Which unit a `spring.kafka.*` property feeds. */
export type SpringSection = 'common' | 'producer' | 'consumer' | 'streams';

/** A `spring.kafka.*` property read as a Kafka key. */
export interface SpringKey {
  section: SpringSection;
  key: string;
  /** Precedence in Spring Boot's KafkaProperties: common typed < common properties.* < section typed < section properties.*. */
  rank: number;
  /** Converts the Spring value to Kafka's spelling. */
  value(v: string): string;
}

type Conv = (v: string) => string;
const plain: Conv = normalizeScalar;
const duration: Conv = (v) => durationMs(v) ?? normalizeScalar(v);
const dataSize: Conv = (v) => dataSizeBytes(v) ?? normalizeScalar(v);
const enumLower: Conv = (v) => normalizeScalar(v).toLowerCase().replace(/-/g, '_');

/** Spring Boot KafkaProperties names (canonical: lower case, no `-`/`_`) -> Kafka key and value conversion. */
const COMMON: Record<string, [string, Conv]> = {
  bootstrapservers: ['bootstrap.servers', plain],
  clientid: ['client.id', plain],
  'security.protocol': ['security.protocol', plain],
  'ssl.keypassword': ['ssl.key.password', plain],
  'ssl.keystorecertificatechain': ['ssl.keystore.certificate.chain', plain],
  'ssl.keystorekey': ['ssl.keystore.key', plain],
  'ssl.keystorelocation': ['ssl.keystore.location', plain],
  'ssl.keystorepassword': ['ssl.keystore.password', plain],
  'ssl.keystoretype': ['ssl.keystore.type', plain],
  'ssl.truststorecertificates': ['ssl.truststore.certificates', plain],
  'ssl.truststorelocation': ['ssl.truststore.location', plain],
  'ssl.truststorepassword': ['ssl.truststore.password', plain],
  'ssl.truststoretype': ['ssl.truststore.type', plain],
  'ssl.protocol': ['ssl.protocol', plain],
};
const SECTION: Record<Exclude<SpringSection, 'common'>, Record<string, [string, Conv]>> = {
  producer: {
    acks: ['acks', plain],
    batchsize: ['batch.size', dataSize],
    buffermemory: ['buffer.memory', dataSize],
    compressiontype: ['compression.type', plain],
    keyserializer: ['key.serializer', plain],
    valueserializer: ['value.serializer', plain],
    retries: ['retries', plain],
    // Spring appends a per-producer suffix; what the rules need is that a transactional id is set.
    transactionidprefix: ['transactional.id', plain],
  },
  consumer: {
    autocommitinterval: ['auto.commit.interval.ms', duration],
    autooffsetreset: ['auto.offset.reset', plain],
    enableautocommit: ['enable.auto.commit', plain],
    fetchmaxwait: ['fetch.max.wait.ms', duration],
    fetchminsize: ['fetch.min.bytes', dataSize],
    groupid: ['group.id', plain],
    heartbeatinterval: ['heartbeat.interval.ms', duration],
    isolationlevel: ['isolation.level', enumLower],
    keydeserializer: ['key.deserializer', plain],
    valuedeserializer: ['value.deserializer', plain],
    maxpollrecords: ['max.poll.records', plain],
    maxpollinterval: ['max.poll.interval.ms', duration],
  },
  streams: {
    applicationid: ['application.id', plain],
    cachemaxsizebuffering: ['cache.max.bytes.buffering', dataSize],
    statestorecachemaxsize: ['statestore.cache.max.bytes', dataSize],
    replicationfactor: ['replication.factor', plain],
    statedir: ['state.dir', plain],
  },
};

const canon = (s: string): string => s.toLowerCase().replace(/[-_]/g, '');
/** Own-property lookup: a property named `constructor` must not find Object's. */
const own = <T>(table: Record<string, T>, name: string): T | undefined => (Object.hasOwn(table, name) ? table[name] : undefined);

/** `spring.kafka.properties[enable.idempotence]` -> `spring.kafka.properties.enable.idempotence`. */
export function unbracket(name: string): string {
  return name.replace(/\[([^\]]*)\]/g, (_m, inner: string) => `.${inner.replace(/^["']|["']$/g, '')}`);
}

/**
 * Reads a Spring property name as a Kafka key: `spring.kafka.producer.transaction-id-prefix`
 * -> producer `transactional.id`; `spring.kafka.consumer.properties.isolation.level`
 * -> consumer `isolation.level`; `spring.kafka.properties.x` -> every unit.
 * Undefined for properties outside spring.kafka or Spring-only ones
 * (listener, template other than its transaction id prefix, admin, jaas, retry).
 */
export function springKey(name: string): SpringKey | undefined {
  const parts = unbracket(name).split('.');
  if (canon(parts[0] ?? '') !== 'spring' || canon(parts[1] ?? '') !== 'kafka') return undefined;
  const rest = parts.slice(2);
  const head = canon(rest[0] ?? '');
  if (head === 'properties' && rest.length > 1) return { section: 'common', key: rest.slice(1).join('.'), rank: 1, value: plain };
  if (head === 'template' && canon(rest.slice(1).join('.')) === 'transactionidprefix') {
    return { section: 'producer', key: 'transactional.id', rank: 2, value: plain };
  }
  if (head === 'producer' || head === 'consumer' || head === 'streams') {
    const section = head;
    const sub = rest.slice(1);
    if (canon(sub[0] ?? '') === 'properties' && sub.length > 1) return { section, key: sub.slice(1).join('.'), rank: 3, value: plain };
    const name2 = sub.map(canon).join('.');
    const typed = own(SECTION[section], name2) ?? own(COMMON, name2);
    if (typed !== undefined) return { section, key: typed[0], rank: 2, value: typed[1] };
    // An unknown Spring name: kebab-case read as Kafka's dots, so "did you mean" can still help.
    return sub.length > 0 ? { section, key: sub.join('.').toLowerCase().replace(/-/g, '.'), rank: 2, value: plain } : undefined;
  }
  const typed = own(COMMON, rest.map(canon).join('.'));
  return typed === undefined ? undefined : { section: 'common', key: typed[0], rank: 0, value: typed[1] };
}

/** How to write a Kafka key of a section in Spring: its typed property when Spring has one, else `properties.<key>`. */
export function springName(section: Exclude<SpringSection, 'common'>, key: string): string {
  for (const [name, [kafkaKey]] of Object.entries(SECTION[section])) {
    if (kafkaKey === key) return `spring.kafka.${section}.${own(KEBAB, name) ?? name}`;
  }
  return `spring.kafka.${section}.properties.${key}`;
}

/** Kebab-case spelling of the canonical names, as Spring's docs write them. */
const KEBAB: Record<string, string> = {
  batchsize: 'batch-size', buffermemory: 'buffer-memory', compressiontype: 'compression-type', keyserializer: 'key-serializer',
  valueserializer: 'value-serializer', transactionidprefix: 'transaction-id-prefix', autocommitinterval: 'auto-commit-interval',
  autooffsetreset: 'auto-offset-reset', enableautocommit: 'enable-auto-commit', fetchmaxwait: 'fetch-max-wait', fetchminsize: 'fetch-min-size',
  groupid: 'group-id', heartbeatinterval: 'heartbeat-interval', isolationlevel: 'isolation-level', keydeserializer: 'key-deserializer',
  valuedeserializer: 'value-deserializer', maxpollrecords: 'max-poll-records', maxpollinterval: 'max-poll-interval', applicationid: 'application-id',
  cachemaxsizebuffering: 'cache-max-size-buffering', statestorecachemaxsize: 'state-store-cache-max-size', replicationfactor: 'replication-factor', statedir: 'state-dir',
};

const SIZE_UNITS: Record<string, bigint> = { b: 1n, kb: 1024n, mb: 1024n ** 2n, gb: 1024n ** 3n, tb: 1024n ** 4n };

/** Spring DataSize (`16KB`, `1MB`, plain bytes) in bytes. */
export function dataSizeBytes(text: string): string | undefined {
  const m = /^(\d+)\s*([kmgt]?b)?$/i.exec(text.trim());
  if (!m) return undefined;
  return String(BigInt(m[1] as string) * (own(SIZE_UNITS, (m[2] ?? 'b').toLowerCase()) ?? 1n));
}
