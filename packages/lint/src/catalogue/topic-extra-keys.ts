import type { KeyRecord } from './catalogue-file.js';

/**
 * Topic settings that are not topic configs in Kafka's ConfigDef but that
 * topic definitions carry (CreateTopics fields; Strimzi KafkaTopic
 * spec.replicas / spec.partitions), so topic rules can compare them with
 * min.insync.replicas. Null defaults: the broker's default.replication.factor
 * and num.partitions apply.
 */
export const TOPIC_EXTRA_KEYS: Readonly<Record<string, KeyRecord>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, KeyRecord>, {
    'replication.factor': {
      type: 'short',
      doc: "Replicas per partition, given when the topic is created; unset means the broker's default.replication.factor.",
      default: null,
      min: 1,
      max: 32767,
    },
    partitions: {
      type: 'int',
      doc: "Number of partitions, given when the topic is created; unset means the broker's num.partitions.",
      default: null,
      min: 1,
    },
  }),
);
