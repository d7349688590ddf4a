/**
 * Links an `EosConsumer` to the client object behind it, so a transaction's
 * `sendOffsets` can hand the right thing to its client: confluent needs the
 * KafkaJS-layer consumer itself (for its group metadata), kafkajs needs a
 * consumer of the same `Kafka` instance (it shares offset bookkeeping).
 */
import { EoskitError } from '../errors.js';
import type { EosConsumer } from './types.js';

interface Entry {
  owner: object;
  native: unknown;
}

const registry = new WeakMap<EosConsumer, Entry>();

/** Records which client (`owner`) made `consumer`, and its client-side object. */
export function registerConsumer(consumer: EosConsumer, owner: object, native: unknown): void {
  registry.set(consumer, { owner, native });
}

/** The client-side object of `consumer`; `CONFIG_INVALID` when it comes from another client. */
export function nativeConsumer(consumer: EosConsumer, owner: object): unknown {
  const entry = registry.get(consumer);
  if (!entry || entry.owner !== owner) {
    throw new EoskitError(
      'CONFIG_INVALID',
      'sendOffsets needs a consumer created by the same KafkaClient as the producer ' +
        '(confluent passes that very consumer to librdkafka; kafkajs shares offset bookkeeping per client)',
    );
  }
  return entry.native;
}
