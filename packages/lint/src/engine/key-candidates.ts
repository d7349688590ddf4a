import type { Role } from '../model.js';

const STREAMS_PREFIXES = ['producer.', 'main.consumer.', 'consumer.'];
const STREAMS_OWN = /^(producer|consumer|main\.consumer|restore\.consumer|global\.consumer|admin|topic)\./;

/**
 * The normalized keys under which a role may hold `key`, most specific first:
 * Kafka Streams passes `producer.`/`consumer.`-prefixed client settings (the
 * prefixed one wins), Flink SQL passes Kafka client settings as `properties.*`.
 */
export function keyCandidates(role: Role, key: string): readonly string[] {
  const id = `${role}\0${key}`;
  let hit = CACHE.get(id);
  if (!hit) {
    hit = computeCandidates(role, key);
    CACHE.set(id, hit);
  }
  return hit;
}

const CACHE = new Map<string, readonly string[]>();

function computeCandidates(role: Role, key: string): string[] {
  if (role === 'streams') {
    if (STREAMS_OWN.test(key)) return [key];
    return [...STREAMS_PREFIXES.map((p) => p + key), key];
  }
  if (role === 'flink') {
    if (key.startsWith('properties.')) return [key, key.slice('properties.'.length)];
    return ['properties.' + key, key];
  }
  return [key];
}

/** Key to use when adding `key` to a unit of `role` (Flink client settings go under `properties.`). */
export function keyToAdd(role: Role, key: string): string {
  if (role === 'flink' && !/^(sink|scan|execution|state|properties|connector|topic|format|value|key|restart-strategy)\b/.test(key)) {
    return 'properties.' + key;
  }
  return key;
}
