import type { Dialect, Role } from '../model.js';
import { type CatalogueFile, type CatalogueName, type KeyRecord, loadCatalogue, presentAt, recordOf } from './catalogue-file.js';
import { resolveVersion } from './kafka-versions.js';
import { TOPIC_EXTRA_KEYS } from './topic-extra-keys.js';

/** Where a key was found: the catalogue, its record, and the version to read it at. */
export interface LocatedKey {
  file: CatalogueFile;
  rec: KeyRecord;
  /** The key as the catalogue spells it (prefix such as `producer.` removed). */
  key: string;
  version: string;
}

/** A place to look a key up. */
interface Route {
  name: CatalogueName;
  key: string;
  /** Only records listing this role (librdkafka and kafkajs files cover producer and consumer). */
  role?: Role;
}

/** Kafka Streams passes prefixed keys to one of its clients (StreamsConfig *_PREFIX). */
const STREAMS_PREFIXES: [string, CatalogueName][] = [
  ['main.consumer.', 'kafka-consumer'],
  ['restore.consumer.', 'kafka-consumer'],
  ['global.consumer.', 'kafka-consumer'],
  ['consumer.', 'kafka-consumer'],
  ['producer.', 'kafka-producer'],
  ['admin.', 'kafka-admin'],
  ['topic.', 'kafka-topic'],
];

const JAVA_ROLE: Partial<Record<Role, CatalogueName>> = {
  producer: 'kafka-producer',
  consumer: 'kafka-consumer',
  broker: 'kafka-broker',
  topic: 'kafka-topic',
};

/** The catalogues to consult for a key, in order. */
export function routes(role: Role, dialect: Dialect, key: string): Route[] {
  if (role === 'flink' || dialect === 'flink') {
    const out: Route[] = [{ name: 'flink', key }];
    if (key.startsWith('properties.')) {
      const bare = key.slice('properties.'.length);
      out.push({ name: 'kafka-producer', key: bare }, { name: 'kafka-consumer', key: bare });
    }
    return out;
  }
  const client = role === 'producer' || role === 'consumer';
  if (dialect === 'librdkafka') return client ? [{ name: 'librdkafka', key, role }] : [];
  if (dialect === 'kafkajs') return client ? [{ name: 'kafkajs', key, role }] : [];
  if (dialect === 'confluent-js') return client ? [{ name: 'librdkafka', key, role }, { name: 'kafkajs', key, role }] : [];
  const direct = JAVA_ROLE[role];
  if (direct !== undefined) return [{ name: direct, key }];
  // streams
  const prefixed = STREAMS_PREFIXES.find(([p]) => key.startsWith(p));
  if (prefixed !== undefined) return [{ name: 'kafka-streams', key }, { name: prefixed[1], key: key.slice(prefixed[0].length) }];
  // Unprefixed client keys in a Streams config go to every client it creates.
  return ['kafka-streams', 'kafka-producer', 'kafka-consumer', 'kafka-admin'].map((name) => ({ name: name as CatalogueName, key }));
}

/** Finds a key for a role and dialect at a Kafka version (any form resolveVersion accepts). */
export function locateKey(role: Role, dialect: Dialect, key: string, version: string): LocatedKey | undefined {
  const kafkaVersion = resolveVersion(version);
  for (const route of routes(role, dialect, key)) {
    const file = loadCatalogue(route.name);
    const v = file.dialect === 'java' ? kafkaVersion : (file.versions[0] as string);
    const rec = recordOf(file, route.key) ?? (route.name === 'kafka-topic' ? TOPIC_EXTRA_KEYS[route.key] : undefined);
    if (rec === undefined || !presentAt(rec, v)) continue;
    if (route.role !== undefined && rec.roles !== undefined && !rec.roles.includes(route.role)) continue;
    return { file, rec, key: route.key, version: v };
  }
  return undefined;
}
