/**
 * Generates a corpus of realistic config files for the eos-lint benchmark:
 * clean and broken producers, consumers, brokers, Streams apps and topics,
 * in every format a parser exists for.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type Make = (i: number) => { name: string; text: string };

const PROPERTIES: Make[] = [
  (i) => ({ name: `app-${i}-producer.properties`, text: `# writer ${i}\nbootstrap.servers=kafka-1:9092\nacks=${i % 3 === 0 ? '1' : 'all'}\nenable.idempotence=true\ntransactional.id=writer-${i}\ntransaction.timeout.ms=${i % 5 === 0 ? 1200000 : 60000}\nmax.in.flight.requests.per.connection=${i % 7 === 0 ? 10 : 5}\nlinger.ms=5\nsasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="u${i}" password="p${i}";\n` }),
  (i) => ({ name: `app-${i}-consumer.properties`, text: `# reader ${i}\nbootstrap.servers=kafka-1:9092\ngroup.id=reader-${i}\nisolation.level=${i % 4 === 0 ? 'read_uncommitted' : 'read_committed'}\nenable.auto.commit=false\nauto.offset.reset=earliest\nmax.poll.records=500\n` }),
  (i) => ({ name: `node-${i}-server.properties`, text: `node.id=${i}\nprocess.roles=broker\nlog.dirs=/var/lib/kafka\nmin.insync.replicas=${i % 2 === 0 ? 2 : 1}\ndefault.replication.factor=3\ntransaction.max.timeout.ms=900000\nauto.create.topics.enable=false\nunclean.leader.election.enable=false\n` }),
  (i) => ({ name: `app-${i}-streams.properties`, text: `application.id=enricher-${i}\nbootstrap.servers=kafka-1:9092\nprocessing.guarantee=${i % 3 === 0 ? 'exactly_once' : 'exactly_once_v2'}\nreplication.factor=3\ntopic.min.insync.replicas=2\nproducer.transaction.timeout.ms=60000\nnum.standby.replicas=1\n` }),
  (i) => ({ name: `topic-${i}.properties`, text: `replication.factor=3\nmin.insync.replicas=2\ncleanup.policy=delete\nretention.ms=${i % 2 === 0 ? 604800000 : 3600000}\n` }),
];

const OTHER: Partial<Record<string, Make>> = {
  env: (i) => ({ name: `broker-${i}.env`, text: `KAFKA_NODE_ID=${i}\nKAFKA_PROCESS_ROLES=broker,controller\nKAFKA_MIN_INSYNC_REPLICAS=${i % 2 === 0 ? 2 : 1}\nKAFKA_DEFAULT_REPLICATION_FACTOR=3\nKAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR=3\n` }),
  compose: (i) => ({ name: `docker-compose-${i}.yml`, text: `services:\n  kafka-${i}:\n    image: apache/kafka:4.0.0\n    environment:\n      KAFKA_NODE_ID: ${i}\n      KAFKA_PROCESS_ROLES: broker,controller\n      KAFKA_MIN_INSYNC_REPLICAS: ${i % 2 === 0 ? 2 : 1}\n      KAFKA_UNCLEAN_LEADER_ELECTION_ENABLE: "false"\n` }),
  'flink-sql': (i) => ({ name: `job-${i}.sql`, text: `CREATE TABLE orders_${i} (id BIGINT) WITH (\n  'connector' = 'kafka',\n  'topic' = 'orders',\n  'sink.delivery-guarantee' = '${i % 2 === 0 ? 'exactly-once' : 'at-least-once'}',\n  'sink.transactional-id-prefix' = 'job-${i}'\n);\n` }),
  'flink-conf': (i) => ({ name: `flink-${i}/config.yaml`, text: `execution:\n  checkpointing:\n    interval: ${i % 3 === 0 ? '' : '30 s'}\n    mode: EXACTLY_ONCE\n` }),
};

/** Writes `count` files into `dir`, cycling through the makers; returns the formats used. */
export function writeCorpus(dir: string, count: number, formats: ReadonlySet<string>): string[] {
  const makers: Array<[string, Make]> = [...PROPERTIES.map((m) => ['properties', m] as [string, Make])];
  for (const [format, make] of Object.entries(OTHER)) if (make && formats.has(format)) makers.push([format, make]);
  mkdirSync(dir, { recursive: true });
  for (let i = 0; i < count; i++) {
    const [, make] = makers[i % makers.length]!;
    const { name, text } = make(i);
    const path = join(dir, name);
    mkdirSync(join(path, '..'), { recursive: true });
    writeFileSync(path, text);
  }
  return [...new Set(makers.map(([f]) => f))];
}
