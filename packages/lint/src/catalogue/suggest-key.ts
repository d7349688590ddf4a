import { distance } from './levenshtein.js';
import type { Dialect, Role } from '../model.js';
import { loadCatalogue, presentAt } from './catalogue-file.js';
import { DEFAULT_KAFKA_VERSION, resolveVersion } from './kafka-versions.js';
import { routes } from './locate-key.js';

const squash = (k: string): string => k.toLowerCase().replace(/[._\-\s]/g, '');

/**
 * "Did you mean": the known key closest to an unknown one
 * (`enable.idempotance` -> `enable.idempotence`, `enable_idempotence` ->
 * `enable.idempotence`), keeping any Streams/Flink prefix the user wrote.
 * For kafkajs it may answer with the kafkajs option name (`idempotant` ->
 * `idempotent`), since that is what the user writes.
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
      // kafkajs users write option names (`idempotent`): match and answer in that spelling too.
      for (const name of rec.option !== undefined && rec.option !== candidate ? [candidate, rec.option] : [candidate]) {
        const d = squash(name) === wanted ? 0 : distance(route.key, name);
        if (d < bestDistance || (d === bestDistance && best !== undefined && prefix + name < best)) {
          bestDistance = d;
          best = prefix + name;
        }
      }
    }
  }
  return best !== undefined && best !== key && bestDistance <= limit ? best : undefined;
}
