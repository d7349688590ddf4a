import type { ConsumedRecord } from '@eoskit/core';
import type { PostgresTx } from './postgres-sink.js';
import type { Sink } from './sink.js';
import type { SqliteTx } from './sqlite-sink.js';

/** A sink of either built-in kind. */
export type BuiltinSink = Sink<SqliteTx> | Sink<PostgresTx>;

/**
 * The ready-made `events(topic, partition, "offset", key, value)` table that
 * `eoskit consume --sink` fills: one row per delivered record, key and value
 * as UTF-8 text. No unique constraint on purpose: exactly-once is the
 * reader's job, and a test reading this table must be able to see a repeat.
 */
export async function createEventsTable(sink: BuiltinSink, table = 'events'): Promise<void> {
  const ddl = (offsetType: string): string =>
    `CREATE TABLE IF NOT EXISTS ${table} (topic TEXT NOT NULL, partition INTEGER NOT NULL, "offset" ${offsetType} NOT NULL, key TEXT, value TEXT)`;
  if (sink.kind === 'sqlite') {
    await (sink as Sink<SqliteTx>).transaction('', [], (db) => void db.exec(ddl('INTEGER')));
  } else {
    await (sink as Sink<PostgresTx>).transaction('', [], async (client) => {
      try {
        await client.query(ddl('BIGINT'));
      } catch (err) {
        // Concurrent creation by another process: the table exists.
        if ((err as { code?: string }).code !== '23505') throw err;
      }
    });
  }
}

/** Inserts `records` into the events table through a sink transaction handle. */
export async function insertEvents(
  sink: BuiltinSink,
  tx: SqliteTx | PostgresTx,
  records: ConsumedRecord[],
  table = 'events',
): Promise<void> {
  if (records.length === 0) return;
  const text = (b: Buffer | null): string | null => (b === null ? null : b.toString('utf8'));
  if (sink.kind === 'sqlite') {
    const insert = (tx as SqliteTx).prepare(`INSERT INTO ${table} (topic, partition, "offset", key, value) VALUES (?, ?, ?, ?, ?)`);
    for (const r of records) insert.run(r.topic, r.partition, r.offset, text(r.key), text(r.value));
    return;
  }
  await (tx as PostgresTx).query(
    `INSERT INTO ${table} (topic, partition, "offset", key, value)
     SELECT * FROM unnest($1::text[], $2::int[], $3::bigint[], $4::text[], $5::text[])`,
    [
      records.map((r) => r.topic),
      records.map((r) => r.partition),
      records.map((r) => r.offset),
      records.map((r) => text(r.key)),
      records.map((r) => text(r.value)),
    ],
  );
}
