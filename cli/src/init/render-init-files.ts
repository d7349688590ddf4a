import { brokerProperties, manifestYaml, replicationFor } from './broker-config.js';
import { flinkConfig, flinkSinkProperties, flinkSourceProperties, flinkSql } from './flink-templates.js';
import type { InitChoices, InitFile } from './init-types.js';
import { javaConsumer, javaProducer, librdkafkaConsumer, librdkafkaProducer, streamsProperties } from './java-templates.js';
import { confluentConfig, kafkajsConfig } from './js-templates.js';

type ManifestEntry = { path: string; role?: string; name?: string; dialect?: string };

/**
 * The commented configs of an exactly-once pipeline for one client and
 * cluster size: client configs in the client's own format, a broker config,
 * and an eos.yaml naming the files, the broker count and what feeds what, so
 * `eos-lint .` checks them as one pipeline.
 */
export function renderInitFiles({ client, brokers }: InitChoices): InitFile[] {
  const r = replicationFor(brokers);
  const files: InitFile[] = [];
  const entries: ManifestEntry[] = [];
  // Who reads what whom writes; left out where a client's input comes from outside the files.
  let feeds: Array<[string, string]> = [];
  const add = (path: string, text: string, description: string, entry: Omit<ManifestEntry, 'path'>) => {
    files.push({ path, text, description });
    entries.push({ path, ...entry });
  };
  switch (client) {
    case 'java':
    case 'librdkafka': {
      const rd = client === 'librdkafka';
      add('producer.properties', rd ? librdkafkaProducer(brokers) : javaProducer(brokers), 'transactional producer', { role: 'producer', name: 'writer', ...(rd ? { dialect: 'librdkafka' } : {}) });
      add('consumer.properties', rd ? librdkafkaConsumer(brokers) : javaConsumer(brokers), 'read_committed consumer', { role: 'consumer', name: 'reader', ...(rd ? { dialect: 'librdkafka' } : {}) });
      feeds = [['writer', 'reader']];
      break;
    }
    case 'kafkajs':
    case 'confluent':
      add('kafka.jsonc', client === 'kafkajs' ? kafkajsConfig(brokers) : confluentConfig(brokers), 'producer and consumer options', {});
      break;
    case 'streams':
      add('streams.properties', streamsProperties(brokers, r), 'Kafka Streams app (exactly_once_v2)', { role: 'streams', name: 'app' });
      add('consumer.properties', javaConsumer(brokers, 'orders-enriched-reader'), 'downstream read_committed consumer', { role: 'consumer', name: 'reader' });
      feeds = [['app', 'reader']];
      break;
    case 'flink-datastream':
      add('config.yaml', flinkConfig(), 'Flink checkpointing', { role: 'flink' });
      // The job's source reads an upstream topic and its sink writes another: no feed between them.
      add('kafka-source.properties', flinkSourceProperties(brokers), 'KafkaSource properties', { role: 'consumer' });
      add('kafka-sink.properties', flinkSinkProperties(brokers), 'KafkaSink properties', { role: 'producer' });
      break;
    case 'flink-sql':
      add('config.yaml', flinkConfig(), 'Flink checkpointing', { role: 'flink' });
      add('pipeline.sql', flinkSql(brokers), 'source and exactly-once sink tables', { role: 'flink' });
      break;
  }
  add('server.properties', brokerProperties(brokers), `broker config (${brokers} broker${brokers === 1 ? '' : 's'})`, { role: 'broker' });
  files.push({ path: 'eos.yaml', text: manifestYaml(brokers, entries, feeds), description: 'pipeline manifest for eos-lint' });
  return files;
}
