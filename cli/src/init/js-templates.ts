import { bootstrapServers } from './broker-config.js';

const brokerList = (brokers: number) => bootstrapServers(brokers).split(',').map((b) => `"${b}"`).join(', ');

/** kafkajs options (JSON with comments). */
export function kafkajsConfig(brokers: number): string {
  return `// kafkajs options of the orders service (JSON with comments: load it with jsonc-parser, or strip the comments).
{
  "clientId": "orders",
  "brokers": [${brokerList(brokers)}],
  // kafka.producer(producer): idempotent and transactional. kafkajs allows 1 request in flight with idempotence.
  "producer": {
    "idempotent": true,
    "maxInFlightRequests": 1,
    // Stable per logical producer, never random: a restart fences the zombie predecessor.
    "transactionalId": "orders-writer-0",
    // Must stay <= the brokers' transaction.max.timeout.ms (900000).
    "transactionTimeout": 60000
  },
  // kafka.consumer(consumer): read_committed, offsets committed by the application.
  "consumer": { "groupId": "orders-reader", "readUncommitted": false },
  "subscribe": { "fromBeginning": true },
  "run": { "autoCommit": false }
}
`;
}

/** @confluentinc/kafka-javascript config: kafkaJS block plus librdkafka properties (JSON with comments). */
export function confluentConfig(brokers: number): string {
  return `// @confluentinc/kafka-javascript settings (JSON with comments: load it with jsonc-parser, or strip the comments).
{
  // new Kafka().producer(producer)
  "producer": {
    "kafkaJS": {
      "brokers": [${brokerList(brokers)}],
      // Stable per logical producer, never random.
      "transactionalId": "orders-writer-0",
      "idempotent": true,
      "acks": -1
    },
    // Must stay <= the brokers' transaction.max.timeout.ms (900000).
    "transaction.timeout.ms": 60000,
    // Fail instead of silently leaving a gap when a batch cannot be retried.
    "enable.gapless.guarantee": true
  },
  // new Kafka().consumer(consumer)
  "consumer": {
    "kafkaJS": { "brokers": [${brokerList(brokers)}], "groupId": "orders-reader", "fromBeginning": true, "autoCommit": false },
    "isolation.level": "read_committed",
    // Offsets are stored and committed by the application after processing.
    "enable.auto.offset.store": false
  }
}
`;
}
