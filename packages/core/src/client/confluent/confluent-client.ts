/**
 * The confluent `KafkaClient`, over `@confluentinc/kafka-javascript`'s
 * KafkaJS-compatible API (plus its low-level consumer for `readRanges`, and
 * kafkajs for the two admin calls it lacks).
 */
import { createClientLogger, type LogLevelName } from '../client-logger.js';
import { createEosProducer } from '../eos-producer.js';
import { createKafkajsAdmin } from '../kafkajs/kafkajs-admin.js';
import { createKafkajsInstance } from '../kafkajs/kafkajs-client.js';
import { PartitionCounts } from '../partition-counts.js';
import { createPartitioner } from '../partitioner.js';
import { resolveProducerSettings } from '../producer-settings.js';
import { librdkafkaSecurity } from '../security-config.js';
import type { ClientOptions, EosAdmin, KafkaClient } from '../types.js';
import { checkBeforeConnect, createAuthCheck } from './auth-check.js';
import { createConfluentAdmin } from './confluent-admin.js';
import { createConfluentConsumer } from './confluent-consumer.js';
import { createConfluentProducerDriver } from './confluent-producer.js';
import { confluentReadRanges } from './confluent-read-ranges.js';
import type { ConfluentConfig, ConfluentModule } from './confluent-types.js';

/** KafkaJS-layer log levels: INFO is 3 and DEBUG 4 there, not 4 and 5 as in kafkajs (the layer refuses 5). */
const LAYER_LEVELS: Record<LogLevelName, number> = { nothing: 0, error: 1, warn: 2, info: 3, debug: 4 };
/** librdkafka syslog levels. */
const LIBRDKAFKA_LEVELS: Record<LogLevelName, number> = { nothing: 0, error: 3, warn: 4, info: 6, debug: 7 };

export function createConfluentClient(mod: ConfluentModule, options: ClientOptions): KafkaClient {
  const level = options.logLevel ?? 'nothing';
  const logger = createClientLogger('confluent', level);
  // Security goes in as librdkafka properties next to the kafkaJS block (security-config.ts);
  // producers, consumers and admins made from `kafka` inherit them.
  const security = librdkafkaSecurity(options);
  const base: ConfluentConfig = {
    ...security,
    kafkaJS: {
      brokers: options.brokers,
      clientId: options.clientId ?? 'eoskit',
      connectionTimeout: 3000,
      logLevel: LAYER_LEVELS[level],
      logger,
    },
  };
  const kafka = new mod.KafkaJS.Kafka(base);
  const kafkajs = createKafkajsInstance(options, createClientLogger('kafkajs', level));
  const lowLevel: Record<string, unknown> = {
    'bootstrap.servers': options.brokers.join(','),
    'client.id': options.clientId ?? 'eoskit',
    log_level: LIBRDKAFKA_LEVELS[level],
    ...security,
  };
  const authCheck = createAuthCheck(kafkajs, options);
  const newAdmin = (): EosAdmin => checkBeforeConnect(createConfluentAdmin(kafka.admin(), createKafkajsAdmin(kafkajs, 'confluent')), authCheck);

  let metadata: Promise<EosAdmin> | undefined;
  const metadataAdmin = (): Promise<EosAdmin> => {
    metadata ??= (async () => {
      const admin = newAdmin();
      await admin.connect();
      return admin;
    })().catch((err: unknown) => {
      metadata = undefined;
      throw err;
    });
    return metadata;
  };
  const partitionCounts = new PartitionCounts(async (topic) => {
    const [described] = await (await metadataAdmin()).describeTopics([topic]);
    return described?.partitions.length ?? 0;
  });

  const client: KafkaClient = {
    kind: 'confluent',
    producer(producerOptions = {}) {
      const settings = resolveProducerSettings('confluent', producerOptions);
      return createEosProducer({
        kind: 'confluent',
        owner: client,
        transactionalId: settings.transactionalId,
        driver: checkBeforeConnect(createConfluentProducerDriver(kafka, settings, {}), authCheck),
        partitionCounts,
        choosePartition: createPartitioner(),
      });
    },
    consumer: (consumerOptions) => checkBeforeConnect(createConfluentConsumer(kafka, client, consumerOptions, {}), authCheck),
    admin: newAdmin,
    readRanges: (ranges, readOptions) => {
      if (authCheck === undefined) return confluentReadRanges(mod, lowLevel, ranges, readOptions);
      const check = authCheck;
      return (async function* () {
        await check();
        yield* confluentReadRanges(mod, lowLevel, ranges, readOptions);
      })();
    },
    async close() {
      const admin = metadata;
      metadata = undefined;
      if (admin) await (await admin.catch(() => undefined))?.disconnect();
    },
  };
  return client;
}
