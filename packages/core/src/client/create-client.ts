/** `createClient()`: the one entry point to both adapters. */
import { EoskitError } from '../errors.js';
import { createConfluentClient } from './confluent/confluent-client.js';
import { loadConfluent } from './confluent/load-confluent.js';
import { checkSecurityOptions } from './security-options.js';
import { createKafkajsClient } from './kafkajs/kafkajs-client.js';
import type { ClientOptions, KafkaClient } from './types.js';

const LOG_LEVELS = ['nothing', 'error', 'warn', 'info', 'debug'];

function checkOptions(options: ClientOptions): void {
  const invalid = (key: string, message: string): EoskitError =>
    new EoskitError('CONFIG_INVALID', `client option ${key}: ${message}`);
  if (options?.client !== 'kafkajs' && options?.client !== 'confluent') {
    throw invalid('client', `must be "kafkajs" or "confluent", got ${JSON.stringify(options?.client)}`);
  }
  const { brokers } = options;
  if (!Array.isArray(brokers) || brokers.length === 0) throw invalid('brokers', 'must list at least one host:port');
  for (const broker of brokers) {
    if (typeof broker !== 'string' || !/^(\[[0-9a-fA-F:]+\]|[^\s:]+):\d{1,5}$/.test(broker)) {
      throw invalid('brokers', `"${String(broker)}" is not host:port`);
    }
  }
  if (options.logLevel !== undefined && !LOG_LEVELS.includes(options.logLevel)) {
    throw invalid('logLevel', `must be one of ${LOG_LEVELS.join(', ')}`);
  }
  checkSecurityOptions(options);
}

/**
 * Creates a Kafka client backed by kafkajs or by `@confluentinc/kafka-javascript`.
 * The confluent module loads lazily; where it is not installed this fails
 * with `CLIENT_UNAVAILABLE` and install steps, and kafkajs keeps working.
 */
export async function createClient(options: ClientOptions): Promise<KafkaClient> {
  checkOptions(options);
  if (options.client === 'kafkajs') return createKafkajsClient(options);
  return createConfluentClient(await loadConfluent(), options);
}
