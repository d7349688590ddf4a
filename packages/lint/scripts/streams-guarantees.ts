/**
 * What Kafka Streams itself sets per processing.guarantee, read from
 * StreamsConfig (commit.interval.ms, getProducerConfigs, getMainConsumerConfigs)
 * by DumpConfigDefs.java. Only values that differ from the plain client
 * ConfigDef default are kept: that is what a user's Streams app gets without
 * setting anything (transaction.timeout.ms 10000 and read_committed under EOS).
 */
import type { Dump } from './generate-catalogues.js';

/** Noise from the dump's own test settings, not defaults. */
const SKIP = new Set(['bootstrap.servers', 'client.id', 'group.id', 'application.id']);

/** guarantee -> version (first where it changed) -> key -> value. */
export function streamsGuaranteeEffects(versions: string[], dumps: Dump[]): Record<string, Record<string, Record<string, string>>> {
  const out: Record<string, Record<string, Record<string, string>>> = {};
  dumps.forEach((d, i) => {
    const version = versions[i] as string;
    const clientDefault = (role: 'producer' | 'consumer', key: string): string | null | undefined =>
      d.roles[role].keys.find((k) => k.key === key)?.default;
    const streamsCommit = d.roles.streams.keys.find((k) => k.key === 'commit.interval.ms')?.default;
    for (const [guarantee, values] of Object.entries(d.streamsGuarantees)) {
      const kept: Record<string, string> = {};
      for (const [prefixed, value] of Object.entries(values)) {
        if (prefixed === 'commit.interval.ms') {
          if (value !== streamsCommit) kept[prefixed] = value;
          continue;
        }
        const [role, ...rest] = prefixed.split('.');
        const key = rest.join('.');
        if (SKIP.has(key) || key.startsWith('internal.') || (role !== 'producer' && role !== 'consumer')) continue;
        const def = clientDefault(role, key);
        if (def === undefined) continue; // a Streams-internal passthrough, not a client config
        if (value !== def && !(value === 'null' && def === null)) kept[prefixed] = value;
      }
      const history = (out[guarantee] ??= {});
      const previous = Object.values(history).at(-1);
      if (JSON.stringify(previous) !== JSON.stringify(kept)) history[version] = kept;
    }
  });
  return out;
}
