CREATE TABLE orders_in (id BIGINT) WITH (
  'connector' = 'kafka',
  'topic' = 'orders',
  'properties.group.id' = 'orders-job',
  'scan.startup.mode' = 'group-offsets',
  'format' = 'json'
);
CREATE TABLE orders_out (id BIGINT) WITH (
  'connector' = 'kafka',
  'topic' = 'orders-enriched',
  'sink.semantic' = 'exactly-once',
  'format' = 'json'
);
INSERT INTO orders_out SELECT id FROM orders_in;
