import { EoskitError, type ProducerOptions } from '@eoskit/core';
import { lintConfig } from '@eoskit/lint';
import type { ProducerConfig } from './writer-types.js';

/**
 * Turns caller overrides (Java client property names) into adapter producer
 * options, refusing anything that would weaken the writer's guarantees with
 * an error naming the key.
 *
 * Safety is judged by eos-lint's own rules (`lintConfig`, role producer), so
 * the writer refuses exactly what `eos-lint` flags as an error; on top, the
 * writer refuses the two settings it owns (`transactional.id`, and `retries`
 * below unbounded: it retries until delivery.timeout.ms).
 */
export function producerOptionsFrom(config: ProducerConfig = {}): ProducerOptions {
  const entries = Object.entries(config);
  if (entries.length === 0) return {};
  const finding = lintConfig({ role: 'producer', config }).find((f) => f.severity === 'error' && f.suppressed === undefined);
  if (finding !== undefined) {
    const key = finding.key ?? entries[0]?.[0] ?? 'producer';
    throw refuse(key, String(config[key] ?? finding.value ?? ''), `${finding.message} (eos-lint ${finding.ruleId})`);
  }
  const options: ProducerOptions = {};
  for (const [key, raw] of entries) {
    const value = String(raw).trim();
    const problem = writerOwned(key, value);
    if (problem !== undefined) throw refuse(key, value, `${key} ${problem}`);
    switch (key) {
      case 'enable.idempotence':
      case 'acks':
      case 'retries':
        break; // safe values only reach here, and they are what the writer forces anyway
      case 'linger.ms':
        options.lingerMs = integer(key, value, 0);
        break;
      case 'batch.size':
        options.batchSize = integer(key, value, 1);
        break;
      case 'compression.type':
        options.compression = compression(key, value);
        break;
      case 'delivery.timeout.ms':
        options.deliveryTimeoutMs = integer(key, value, 1000);
        break;
      case 'transaction.timeout.ms':
        options.transactionTimeoutMs = integer(key, value, 1000);
        break;
      case 'max.in.flight.requests.per.connection':
        options.maxInFlight = integer(key, value, 1);
        break;
      default:
        throw refuse(key, value, `${key} is not a producer setting the writer lets you change`);
    }
  }
  return options;
}

/** Settings the writer decides itself; why a caller's value is refused, or undefined. */
function writerOwned(key: string, value: string): string | undefined {
  if (key === 'transactional.id') {
    return 'is derived from the writer id (one writer id = one transactional id, so zombies are fenced)';
  }
  if (key === 'retries' && Number(value) < 2147483647) {
    return 'would give up after a few retries; the writer retries until delivery.timeout.ms, bound time with that instead';
  }
  if (key === 'enable.idempotence' && value !== 'true') return 'must stay true';
  return undefined;
}

function refuse(key: string, value: string, why: string): EoskitError {
  return new EoskitError('CONFIG_INVALID', `producer setting ${key}=${value} refused: ${why}`);
}

function integer(key: string, value: string, min: number): number {
  const n = Number(value);
  if (!Number.isSafeInteger(n) || n < min) {
    throw new EoskitError('CONFIG_INVALID', `producer setting ${key}=${value} refused: must be an integer >= ${min}`);
  }
  return n;
}

const COMPRESSIONS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;

function compression(key: string, value: string): NonNullable<ProducerOptions['compression']> {
  const found = COMPRESSIONS.find((c) => c === value);
  if (found === undefined) {
    throw new EoskitError('CONFIG_INVALID', `producer setting ${key}=${value} refused: must be one of ${COMPRESSIONS.join(', ')}`);
  }
  return found;
}
