-- Orders: read committed input, write exactly-once output.
CREATE TABLE orders_in (id BIGINT, amount DECIMAL(10, 2)) WITH (
  'connector' = 'kafka',
  'topic' = 'orders',
  'properties.bootstrap.servers' = 'kafka-1:9092',
  'properties.group.id' = 'orders-job',
  'properties.isolation.level' = 'read_committed',
  'scan.startup.mode' = 'group-offsets',
  'format' = 'json'
);
CREATE TABLE orders_out (id BIGINT, amount DECIMAL(10, 2)) WITH (
  'connector' = 'kafka',
  'topic' = 'orders-enriched',
  'properties.bootstrap.servers' = 'kafka-1:9092',
  'properties.transaction.timeout.ms' = '900000',
  'sink.delivery-guarantee' = 'exactly-once',
  'sink.transactional-id-prefix' = 'orders-job-out',
  'format' = 'json'
);
INSERT INTO orders_out SELECT id, amount FROM orders_in;
