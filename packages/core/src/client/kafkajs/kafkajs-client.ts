/**
 * The kafkajs `KafkaClient`. Producers and consumers share one `Kafka`
 * instance on purpose: kafkajs keeps the offsets a transaction's
 * `sendOffsets` marks as committed per instance, and consumers only see them
 * when they come from the same one.
 */
import type { LogEntry, logLevel as KafkajsLevelType, Kafka as KafkaType } from 'kafkajs';
import { Kafka, logLevel as KafkajsLevel } from './kafkajs-module.js';
import { createClientLogger, type ClientLogger, type LogLevelName } from '../client-logger.js';
import { createEosProducer } from '../eos-producer.js';
import { PartitionCounts } from '../partition-counts.js';
import { createPartitioner } from '../partitioner.js';
import { resolveProducerSettings } from '../producer-settings.js';
import { kafkajsSecurity } from '../security-config.js';
import type { ClientOptions, EosAdmin, KafkaClient } from '../types.js';
import { createKafkajsAdmin } from './kafkajs-admin.js';
import { createKafkajsConsumer } from './kafkajs-consumer.js';
import { createKafkajsProducerDriver } from './kafkajs-producer.js';
import { kafkajsReadRanges } from './kafkajs-read-ranges.js';

const LEVELS: Record<LogLevelName, KafkajsLevelType> = {
  nothing: KafkajsLevel.NOTHING,
  error: KafkajsLevel.ERROR,
  warn: KafkajsLevel.WARN,
  info: KafkajsLevel.INFO,
  debug: KafkajsLevel.DEBUG,
};

/** Routes kafkajs' log entries to an eoskit logger. */
function logCreator(logger: ClientLogger) {
  return () =>
    ({ namespace, level, log }: LogEntry): void => {
      const { message, ...extra } = log;
      const scoped = logger.namespace(namespace);
      if (level <= KafkajsLevel.ERROR) scoped.error(message, extra);
      else if (level === KafkajsLevel.WARN) scoped.warn(message, extra);
      else if (level === KafkajsLevel.INFO) scoped.info(message, extra);
      else scoped.debug(message, extra);
    };
}

/** A kafkajs `Kafka` instance configured the eoskit way (also used by the confluent client's admin). */
export function createKafkajsInstance(options: ClientOptions, logger: ClientLogger): KafkaType {
  const level = options.logLevel ?? 'nothing';
  return new Kafka({
    brokers: options.brokers,
    clientId: options.clientId ?? 'eoskit',
    connectionTimeout: 3000,
    logLevel: LEVELS[level],
    logCreator: logCreator(logger),
    // Used by kafkajs for InitProducerId, TxnOffsetCommit, coordinator lookups.
    retry: { retries: 8, initialRetryTime: 300, maxRetryTime: 5000 },
    ...kafkajsSecurity(options),
  });
}

export function createKafkajsClient(options: ClientOptions): KafkaClient {
  const logger = createClientLogger('kafkajs', options.logLevel);
  const kafka = createKafkajsInstance(options, logger);
  let metadata: Promise<EosAdmin> | undefined;
  const metadataAdmin = (): Promise<EosAdmin> => {
    metadata ??= (async () => {
      // Few retries: an unknown topic should fail a send quickly.
      const admin = createKafkajsAdmin(kafka, 'kafkajs', 2);
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
    kind: 'kafkajs',
    producer(options = {}) {
      const settings = resolveProducerSettings('kafkajs', options);
      return createEosProducer({
        kind: 'kafkajs',
        owner: client,
        transactionalId: settings.transactionalId,
        driver: createKafkajsProducerDriver(kafka, settings),
        partitionCounts,
        choosePartition: createPartitioner(),
      });
    },
    consumer: (consumerOptions) => createKafkajsConsumer(kafka, client, consumerOptions),
    admin: () => createKafkajsAdmin(kafka),
    readRanges: (ranges, readOptions) => kafkajsReadRanges(kafka, ranges, readOptions),
    async close() {
      const admin = metadata;
      metadata = undefined;
      if (admin) await (await admin.catch(() => undefined))?.disconnect();
    },
  };
  return client;
}
