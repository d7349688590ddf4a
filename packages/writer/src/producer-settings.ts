import { EoskitError, type ProducerOptions } from '@eoskit/core';
import type { ProducerConfig } from './writer-types.js';

/**
 * Turns caller overrides (Java client property names) into adapter producer
 * options, refusing anything that would weaken the writer's guarantees with
 * an error naming the key.
 *
 * The safety rules are eos-lint's producer rules (idempotence on, acks=all,
 * retries not disabled, at most 5 in flight, transactional.id not
 * hand-picked) applied to these keys. TODO(lint): switch `unsafeSetting` to
 * `lintConfig` from @eoskit/lint once its programmatic API lands, so both
 * refuse exactly the same things.
 */
export function producerOptionsFrom(config: ProducerConfig = {}): ProducerOptions {
  const options: ProducerOptions = {};
  for (const [key, raw] of Object.entries(config)) {
    const value = String(raw).trim();
    const problem = unsafeSetting(key, value);
    if (problem !== undefined) throw refuse(key, value, problem);
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
      case 'compression.codec':
        options.compression = compression(key, value);
        break;
      case 'delivery.timeout.ms':
      case 'message.timeout.ms':
        options.deliveryTimeoutMs = integer(key, value, 1000);
        break;
      case 'transaction.timeout.ms':
        options.transactionTimeoutMs = integer(key, value, 1000);
        break;
      case 'max.in.flight.requests.per.connection':
      case 'max.in.flight':
        options.maxInFlight = integer(key, value, 1);
        break;
      default:
        throw refuse(key, value, 'is not a producer setting the writer lets you change');
    }
  }
  return options;
}

/** Why a producer setting is unsafe for exactly-once, or undefined when it is fine. */
export function unsafeSetting(key: string, value: string): string | undefined {
  switch (key) {
    case 'enable.idempotence':
      return value === 'true' ? undefined : 'would turn idempotence off; the writer needs it (duplicates on retry)';
    case 'acks':
      return value === 'all' || value === '-1' ? undefined : 'must be all: with fewer acks a leader failover loses acknowledged records';
    case 'retries': {
      const n = Number(value);
      if (!Number.isFinite(n) || n < 1) return 'disables retries and with them idempotence';
      return n < 2147483647
        ? 'would give up after a few retries; the writer retries until delivery.timeout.ms, bound time with that instead'
        : undefined;
    }
    case 'max.in.flight.requests.per.connection':
    case 'max.in.flight': {
      const n = Number(value);
      return Number.isInteger(n) && n >= 1 && n <= 5
        ? undefined
        : 'must be 1 to 5: the broker keeps the last 5 batches per producer, more breaks ordering and deduplication';
    }
    case 'transactional.id':
      return 'is derived from the writer id (one writer id = one transactional id, so zombies are fenced)';
    default:
      return undefined;
  }
}

function refuse(key: string, value: string, why: string): EoskitError {
  return new EoskitError('CONFIG_INVALID', `producer setting ${key}=${value} refused: ${key} ${why}`);
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
