import { describe, expect, it } from 'vitest';
import { applyEdits, parseFile } from './index.js';

const sql = `-- job settings
SET 'execution.checkpointing.interval' = '10 s';
SET execution.checkpointing.mode = EXACTLY_ONCE;
CREATE TABLE orders (
  id BIGINT,
  note STRING COMMENT 'it''s a WITH ( note'
) WITH (
  'connector' = 'kafka',
  'topic' = 'orders',
  /* eos-lint-disable-next-line F6 -- replayed anyway */
  'properties.isolation.level' = 'read_uncommitted',
  'scan.startup.mode' = 'earliest-offset'
);
CREATE TEMPORARY TABLE IF NOT EXISTS cat.db.\`out\` WITH ('connector' = 'upsert-kafka', 'sink.delivery-guarantee' = 'at-least-once') LIKE orders;
CREATE TABLE fs (x INT) WITH ('connector' = 'filesystem', 'path' = '/tmp');
CREATE TABLE lonely WITH ('connector' = 'kafka', 'sink.delivery-guarantee' = 'exactly-once', 'properties.transaction.timeout.ms' = '900000');
INSERT INTO \`out\` SELECT * FROM orders;
`;

describe('parsers > flink-sql', () => {
  it('reads Kafka tables and SET statements as flink units', () => {
    const parsed = parseFile('jobs/orders.sql', sql);
    expect(parsed.format).toBe('flink-sql');
    expect(parsed.problems).toEqual([]);
    expect(parsed.units.map((u) => [u.id, u.tableKind])).toEqual([
      ['jobs/orders.sql#orders', 'source'],
      ['jobs/orders.sql#out', 'sink'],
      ['jobs/orders.sql#lonely', 'sink'],
      ['jobs/orders.sql#SET', undefined],
    ]);
    const orders = parsed.units[0];
    expect(orders?.entries.get('properties.isolation.level')).toMatchObject({ value: 'read_uncommitted', position: { line: 11, column: 3 }, valuePosition: { line: 11, column: 34 } });
    const set = parsed.units[3];
    expect(set?.entries.get('execution.checkpointing.interval')).toMatchObject({ value: '10000', rawValue: '10 s' });
    expect(set?.entries.get('execution.checkpointing.mode')).toMatchObject({ value: 'EXACTLY_ONCE', position: { line: 3, column: 5 } });
    expect(parsed.suppressions).toEqual([{ file: 'jobs/orders.sql', commentLine: 10, targetLine: 11, ruleIds: ['F6'], reason: 'replayed anyway' }]);
  });

  it('reports broken WITH clauses and unterminated strings with a line', () => {
    const parsed = parseFile('bad.sql', "CREATE TABLE t WITH ('connector' = 'kafka', topic = 'x');\nCREATE TABLE u WITH ('connector' = 'kafka\n");
    expect(parsed.problems.map((p) => p.position.line)).toEqual([2, 1]);
    expect(parsed.units[0]?.entries.get('connector')?.value).toBe('kafka');
  });

  it('edits options with SQL quoting and keeps everything else', () => {
    const parsed = parseFile('jobs/orders.sql', sql);
    const out = applyEdits(parsed, [
      { kind: 'set', unitId: 'jobs/orders.sql#orders', key: 'properties.isolation.level', value: 'read_committed' },
      { kind: 'set', unitId: 'jobs/orders.sql#orders', key: 'properties.group.id', value: 'orders-job' },
      { kind: 'set', unitId: 'jobs/orders.sql#out', key: 'sink.delivery-guarantee', value: 'exactly-once' },
      { kind: 'set', unitId: 'jobs/orders.sql#out', key: 'sink.transactional-id-prefix', value: "it's-job" },
      { kind: 'remove', unitId: 'jobs/orders.sql#orders', key: 'scan.startup.mode' },
      { kind: 'set', unitId: 'jobs/orders.sql#SET', key: 'execution.checkpointing.timeout', value: '600000' },
    ]);
    expect(out).toBe(`-- job settings
SET 'execution.checkpointing.interval' = '10 s';
SET execution.checkpointing.mode = EXACTLY_ONCE;
SET 'execution.checkpointing.timeout' = '600000';
CREATE TABLE orders (
  id BIGINT,
  note STRING COMMENT 'it''s a WITH ( note'
) WITH (
  'connector' = 'kafka',
  'topic' = 'orders',
  /* eos-lint-disable-next-line F6 -- replayed anyway */
  'properties.isolation.level' = 'read_committed',
  'properties.group.id' = 'orders-job'
);
CREATE TEMPORARY TABLE IF NOT EXISTS cat.db.\`out\` WITH ('connector' = 'upsert-kafka', 'sink.delivery-guarantee' = 'exactly-once', 'sink.transactional-id-prefix' = 'it''s-job') LIKE orders;
CREATE TABLE fs (x INT) WITH ('connector' = 'filesystem', 'path' = '/tmp');
CREATE TABLE lonely WITH ('connector' = 'kafka', 'sink.delivery-guarantee' = 'exactly-once', 'properties.transaction.timeout.ms' = '900000');
INSERT INTO \`out\` SELECT * FROM orders;
`);
    expect(parseFile('jobs/orders.sql', out).units[1]?.entries.get('sink.transactional-id-prefix')?.value).toBe("it's-job");
  });
});
