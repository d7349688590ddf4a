/**
 * Producer options resolved once, validated, with eoskit's safe defaults.
 * Idempotence and acks=all are not options: the adapters always set them.
 */
import { EoskitError } from '../errors.js';
import type { ClientKind, ProducerOptions } from './types.js';

/** Resolved producer settings. */
export interface ProducerSettings {
  transactionalId: string | undefined;
  transactionTimeoutMs: number;
  deliveryTimeoutMs: number;
  maxInFlight: number;
  lingerMs: number;
  batchSize: number | undefined;
  compression: NonNullable<ProducerOptions['compression']>;
}

/** Java's default `delivery.timeout.ms`. */
export const DEFAULT_DELIVERY_TIMEOUT_MS = 120_000;
/** Java's and both clients' default `transaction.timeout.ms`. */
export const DEFAULT_TRANSACTION_TIMEOUT_MS = 60_000;
/** librdkafka's idempotence limit (and Java's). */
export const MAX_IN_FLIGHT = 5;

const COMPRESSIONS = ['none', 'gzip', 'snappy', 'lz4', 'zstd'] as const;

function invalid(key: string, message: string): EoskitError {
  return new EoskitError('CONFIG_INVALID', `producer option ${key}: ${message}`);
}

function positiveInt(key: string, value: number | undefined, fallback: number, min = 1): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < min) throw invalid(key, `must be an integer >= ${min}, got ${value}`);
  return value;
}

/** Validates options and applies defaults. Throws `CONFIG_INVALID` naming the option. */
export function resolveProducerSettings(kind: ClientKind, options: ProducerOptions = {}): ProducerSettings {
  const { transactionalId } = options;
  if (transactionalId !== undefined && (typeof transactionalId !== 'string' || transactionalId.trim() === '')) {
    throw invalid('transactionalId', 'must be a non-empty string');
  }
  const transactionTimeoutMs = positiveInt('transactionTimeoutMs', options.transactionTimeoutMs, DEFAULT_TRANSACTION_TIMEOUT_MS);
  const fallbackDelivery = transactionalId
    ? Math.min(DEFAULT_DELIVERY_TIMEOUT_MS, transactionTimeoutMs)
    : DEFAULT_DELIVERY_TIMEOUT_MS;
  const deliveryTimeoutMs = positiveInt('deliveryTimeoutMs', options.deliveryTimeoutMs, fallbackDelivery);
  if (transactionalId && deliveryTimeoutMs > transactionTimeoutMs) {
    // A record may not outlive the transaction it belongs to (librdkafka refuses this too).
    throw invalid(
      'deliveryTimeoutMs',
      `${deliveryTimeoutMs} must not exceed transactionTimeoutMs (${transactionTimeoutMs}) for a transactional producer`,
    );
  }
  const maxInFlight = positiveInt('maxInFlight', options.maxInFlight, MAX_IN_FLIGHT);
  if (maxInFlight > MAX_IN_FLIGHT) {
    throw invalid('maxInFlight', `${maxInFlight} exceeds ${MAX_IN_FLIGHT}, the most an idempotent producer keeps ordered`);
  }
  const lingerMs = positiveInt('lingerMs', options.lingerMs, 5, 0);
  const batchSize = options.batchSize === undefined ? undefined : positiveInt('batchSize', options.batchSize, 0);
  const compression = options.compression ?? 'none';
  if (!COMPRESSIONS.includes(compression)) {
    throw invalid('compression', `must be one of ${COMPRESSIONS.join(', ')}, got "${String(compression)}"`);
  }
  if (kind === 'kafkajs' && compression !== 'none' && compression !== 'gzip') {
    throw invalid('compression', `kafkajs has no built-in ${compression} codec; use none or gzip, or the confluent client`);
  }
  return { transactionalId, transactionTimeoutMs, deliveryTimeoutMs, maxInFlight, lingerMs, batchSize, compression };
}

/**
 * kafkajs retry settings for one send: as many quick retries as fit into the
 * delivery timeout. kafkajs defaults to 5 retries for every producer (its
 * idempotent default of MAX never applies), and has no time bound of its own;
 * the adapter enforces `deliveryTimeoutMs` on top. Counting the retries too
 * keeps kafkajs from retrying for ever in the background after a timeout.
 */
export function kafkajsRetry(deliveryTimeoutMs: number): {
  retries: number;
  initialRetryTime: number;
  maxRetryTime: number;
  multiplier: number;
  factor: number;
} {
  const maxRetryTime = 1000;
  return {
    initialRetryTime: 100,
    maxRetryTime,
    multiplier: 2,
    factor: 0.2,
    // 100+200+400+800 ms, then 1 s each: enough retries to fill the timeout.
    retries: Math.ceil(deliveryTimeoutMs / maxRetryTime) + 4,
  };
}

/**
 * librdkafka properties for the confluent producer. Top-level properties win
 * over the KafkaJS layer's translation, which would force `retries: 5`.
 */
export function confluentProducerConfig(settings: ProducerSettings): Record<string, string | number | boolean> {
  const config: Record<string, string | number | boolean> = {
    'enable.idempotence': true,
    acks: 'all',
    retries: 2_147_483_647,
    'max.in.flight.requests.per.connection': settings.maxInFlight,
    'message.timeout.ms': settings.deliveryTimeoutMs,
    'linger.ms': settings.lingerMs,
    'compression.codec': settings.compression,
    'transaction.timeout.ms': settings.transactionTimeoutMs,
    // librdkafka producers default to creating missing topics (kafkajs' adapter does not either).
    'allow.auto.create.topics': false,
  };
  if (settings.batchSize !== undefined) config['batch.size'] = settings.batchSize;
  if (settings.transactionalId === undefined) {
    // Without it librdkafka bumps the epoch after a batch fails for good and sends the later
    // batches of that partition anyway: the log gets a gap (a failed record, then later ones).
    // With it the producer stops with a fatal error instead. Transactions abort on such errors.
    config['enable.gapless.guarantee'] = true;
  } else {
    config['transactional.id'] = settings.transactionalId;
    // librdkafka requires socket.timeout.ms <= transaction.timeout.ms + 100.
    config['socket.timeout.ms'] = Math.min(30_000, settings.transactionTimeoutMs + 100);
  }
  return config;
}
