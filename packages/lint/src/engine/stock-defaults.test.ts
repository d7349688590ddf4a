import { describe, expect, it } from 'vitest';
import type { Dialect } from '../model.js';
import { activeCatalogue } from './active-catalogue.js';
import { parseDurationMs } from './parse-number.js';
import { stockDefault, stockDefaultKeys } from './stock-defaults.js';

const DIALECTS: Dialect[] = ['java', 'librdkafka', 'kafkajs', 'confluent-js', 'flink'];
const SYNONYMS: Record<string, string> = { '-1': 'all', largest: 'latest', smallest: 'earliest' };

/** Same meaning, same text: acks -1 = all, librdkafka's largest = latest, durations in ms. */
function canonical(value: string): string {
  if (SYNONYMS[value]) return SYNONYMS[value];
  const ms = parseDurationMs(value);
  return ms !== null ? String(ms) : value;
}

describe('engine > stock defaults', () => {
  it('agree with the generated catalogue wherever both know a key', () => {
    const catalogue = activeCatalogue();
    const disagreements: string[] = [];
    for (const version of ['2.8.2', '3.3.2', '3.9.2', '4.4.0']) {
      for (const { role, dialects, key } of stockDefaultKeys()) {
        for (const dialect of dialects ?? DIALECTS) {
          const mine = stockDefault(role, dialect, key, version);
          // As the engine asks: a Streams app's producer settings under their producer. spelling.
          const prefixed = role === 'streams' ? catalogue.defaultValue(role, dialect, `producer.${key}`, version) : undefined;
          const theirs = prefixed ?? catalogue.defaultValue(role, dialect, key, version);
          if (mine === undefined || theirs === undefined || theirs === null || mine === null) continue;
          const same = canonical(mine) === canonical(theirs);
          if (!same) disagreements.push(`${version} ${role}/${dialect} ${key}: table ${mine}, catalogue ${theirs}`);
        }
      }
    }
    expect(disagreements).toEqual([]);
  });
});
