import pg from 'pg';
import { EoskitError } from '@eoskit/core';
import type { TopicPartition } from '@eoskit/core';
import { topicPartitionKey } from '../topic-partition-key.js';
import { redactUrl } from './redact-url.js';
import type { Sink, SinkCommit, SinkPosition } from './sink.js';
import { SinkConflictError } from './sink-conflict-error.js';
import { sqlIdentifier } from './sql-identifier.js';

/** Options of {@link createPostgresSink}. */
export interface PostgresSinkOptions {
  /** `postgres://user:password@host:port/db`. Never printed with its password. */
  url: string;
  /** Offsets table name (optionally `schema.table`). Default `eoskit_offsets`. */
  offsetsTable?: string;
  /** Pool size. Default 4. */
  maxConnections?: number;
}

/** The handle a handler writes through: a pooled connection inside the open transaction. */
export type PostgresTx = pg.PoolClient;

// Serialization failures and deadlocks: repeating the transaction may succeed.
const RETRIABLE_SQLSTATES = new Set(['40001', '40P01', '08006', '08003', '57P01']);

/**
 * A PostgreSQL sink. Conflicts are decided by row locks: two transactions
 * moving the same partition's offset from the same expected value serialise
 * on the row, and the second finds it changed (READ COMMITTED re-checks the
 * WHERE clause after the wait), so exactly one commits.
 */
export function createPostgresSink(options: PostgresSinkOptions): Sink<PostgresTx> {
  const table = sqlIdentifier(options.offsetsTable ?? 'eoskit_offsets', 'offsetsTable');
  const where = redactUrl(options.url);
  let pool: pg.Pool | undefined;

  const sinkError = (what: string, err: unknown): EoskitError => {
    if (err instanceof EoskitError) return err;
    const code = (err as { code?: unknown }).code;
    const retriable = typeof code === 'string' && RETRIABLE_SQLSTATES.has(code);
    return new EoskitError('SINK', `postgres sink ${where}: ${what}: ${(err as Error).message}`, { cause: err, retriable });
  };
  const getPool = (): pg.Pool => {
    if (pool === undefined) throw new EoskitError('CLOSED', `postgres sink ${where} is not open`);
    return pool;
  };

  return {
    kind: 'postgres',
    description: `postgres:${where}`,
    async open() {
      if (pool !== undefined) return;
      const created = new pg.Pool({ connectionString: options.url, max: options.maxConnections ?? 4 });
      // An idle client losing its connection must not crash the process; the next query reports it.
      created.on('error', () => undefined);
      try {
        await created.query(`CREATE TABLE IF NOT EXISTS ${table} (
          group_id TEXT NOT NULL, topic TEXT NOT NULL, partition INTEGER NOT NULL,
          next_offset BIGINT NOT NULL, dedup_state TEXT, updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
          PRIMARY KEY (group_id, topic, partition))`);
      } catch (err) {
        // Two processes creating the table at once: one loses on the catalog's unique index, and the table exists.
        if ((err as { code?: string }).code !== '23505') {
          await created.end().catch(() => undefined);
          throw sinkError('cannot create the offsets table', err);
        }
      }
      pool = created;
    },
    async positions(groupId: string, partitions: TopicPartition[]) {
      const out = new Map<string, SinkPosition>();
      if (partitions.length === 0) return out;
      try {
        const res = await getPool().query<{ topic: string; partition: number; offset: string; state: string | null }>(
          `SELECT topic, partition, next_offset AS offset, dedup_state AS state FROM ${table}
           WHERE group_id = $1 AND (topic, partition) IN (SELECT * FROM unnest($2::text[], $3::int[]))`,
          [groupId, partitions.map((p) => p.topic), partitions.map((p) => p.partition)],
        );
        for (const row of res.rows) out.set(topicPartitionKey(row), { offset: Number(row.offset), state: row.state });
        return out;
      } catch (err) {
        throw sinkError('cannot read stored offsets', err);
      }
    },
    async transaction<T>(groupId: string, commits: SinkCommit[], work: (tx: PostgresTx) => Promise<T> | T): Promise<T> {
      let client: pg.PoolClient;
      try {
        client = await getPool().connect();
      } catch (err) {
        throw sinkError('cannot connect', err);
      }
      let broken = false;
      try {
        await client.query('BEGIN');
        const conflicts: TopicPartition[] = [];
        for (const c of commits) {
          const res =
            c.expectedOffset === null
              ? await client.query(
                  `INSERT INTO ${table} (group_id, topic, partition, next_offset, dedup_state)
                   VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING`,
                  [groupId, c.topic, c.partition, c.offset, c.state],
                )
              : await client.query(
                  `UPDATE ${table} SET next_offset = $4, dedup_state = $5, updated_at = now()
                   WHERE group_id = $1 AND topic = $2 AND partition = $3 AND next_offset = $6`,
                  [groupId, c.topic, c.partition, c.offset, c.state, c.expectedOffset],
                );
          if (res.rowCount !== 1) conflicts.push({ topic: c.topic, partition: c.partition });
        }
        if (conflicts.length > 0) throw new SinkConflictError(groupId, conflicts);
        const result = await work(client);
        await client.query('COMMIT');
        return result;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true; // the connection is unusable; drop it from the pool
        }
        if (err instanceof EoskitError || !isDatabaseError(err)) throw err;
        throw sinkError('transaction failed', err);
      } finally {
        client.release(broken);
      }
    },
    async close() {
      const p = pool;
      pool = undefined;
      await p?.end();
    },
  };
}

// Errors raised by the database (have a SQLSTATE) become SINK errors; the handler's own errors pass unchanged.
function isDatabaseError(err: unknown): boolean {
  return err instanceof pg.DatabaseError || (err instanceof Error && /Connection terminated|ECONNRE/.test(err.message));
}
