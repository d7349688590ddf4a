import { distance } from 'fastest-levenshtein';
import type { Dialect, Role } from '../model.js';
import { loadCatalogue, presentAt } from './catalogue-file.js';
import { DEFAULT_KAFKA_VERSION, resolveVersion } from './kafka-versions.js';
import { routes } from './locate-key.js';

const squash = (k: string): string => k.toLowerCase().replace(/[._\-\s]/g, '');

/**
 * "Did you mean": the known key closest to an unknown one
 * (`enable.idempotance` -> `enable.idempotence`, `enable_idempotence` ->
 * `enable.idempotence`), keeping any Streams/Flink prefix the user wrote.
 * Undefined when nothing is close enough to be a plausible typo.
 */
export function suggestKey(role: Role, dialect: Dialect, key: string, version: string = DEFAULT_KAFKA_VERSION): string | undefined {
  const kafkaVersion = resolveVersion(version);
  let best: string | undefined;
  let bestDistance = Infinity;
  const limit = Math.max(1, Math.min(3, Math.floor(key.length / 6)));
  for (const route of routes(role, dialect, key)) {
    const file = loadCatalogue(route.name);
    const v = file.dialect === 'java' ? kafkaVersion : (file.versions[0] as string);
    const prefix = key.slice(0, key.length - route.key.length);
    const wanted = squash(route.key);
    for (const [candidate, rec] of Object.entries(file.keys)) {
      if (!presentAt(rec, v) || rec.internal) continue;
      if (route.role !== undefined && rec.roles !== undefined && !rec.roles.includes(route.role)) continue;
      const d = squash(candidate) === wanted ? 0 : distance(route.key, candidate);
      if (d < bestDistance || (d === bestDistance && best !== undefined && prefix + candidate < best)) {
        bestDistance = d;
        best = prefix + candidate;
      }
    }
  }
  return best !== undefined && best !== key && bestDistance <= limit ? best : undefined;
}
