import type Database from 'better-sqlite3';
import { EoskitError } from '@eoskit/core';
import type { TopicPartition } from '@eoskit/core';
import { topicPartitionKey } from '../topic-partition-key.js';
import type { Sink, SinkCommit, SinkPosition } from './sink.js';
import { SinkConflictError } from './sink-conflict-error.js';
import { sqlIdentifier } from './sql-identifier.js';
import { loadSqlite } from './load-sqlite.js';

/** Options of {@link createSqliteSink}. */
export interface SqliteSinkOptions {
  /** Database file (created when missing). */
  path: string;
  /** Offsets table name. Default `eoskit_offsets`. */
  offsetsTable?: string;
  /** How long a transaction waits for another process's write lock. Default 10 s. */
  busyTimeoutMs?: number;
}

/** The handle a handler writes through: the better-sqlite3 connection, inside the open transaction. */
export type SqliteTx = Database.Database;

/**
 * A SQLite file sink (the embedded default). WAL journal: readers never block
 * the writer; `synchronous=NORMAL` may lose the last transactions on power
 * loss but never splits one (effects and offsets go together), so the reader
 * just reprocesses them. Transactions of one process are serialised; several
 * processes take turns through SQLite's write lock (`BEGIN IMMEDIATE`).
 */
export function createSqliteSink(options: SqliteSinkOptions): Sink<SqliteTx> {
  const table = sqlIdentifier(options.offsetsTable ?? 'eoskit_offsets', 'offsetsTable');
  let db: Database.Database | undefined;
  let queue: Promise<unknown> = Promise.resolve();

  const conn = (): Database.Database => {
    if (db === undefined) throw new EoskitError('CLOSED', `sqlite sink ${options.path} is not open`);
    return db;
  };

  return {
    kind: 'sqlite',
    description: `sqlite:${options.path}`,
    async open() {
      if (db !== undefined) return;
      const Sqlite = await loadSqlite();
      try {
        db = new Sqlite(options.path);
        db.pragma('journal_mode = WAL');
        db.pragma('synchronous = NORMAL');
        // Short: a blocked statement blocks the event loop (and a consumer's heartbeats); BEGIN retries asynchronously.
        db.pragma('busy_timeout = 20');
        db.exec(`CREATE TABLE IF NOT EXISTS ${table} (
          group_id TEXT NOT NULL, topic TEXT NOT NULL, partition INTEGER NOT NULL,
          next_offset INTEGER NOT NULL, dedup_state TEXT, updated_at INTEGER NOT NULL,
          PRIMARY KEY (group_id, topic, partition))`);
      } catch (err) {
        throw new EoskitError('SINK', `sqlite sink ${options.path}: ${(err as Error).message}`, { cause: err });
      }
    },
    async positions(groupId: string, partitions: TopicPartition[]) {
      const select = conn().prepare(
        `SELECT next_offset AS offset, dedup_state AS state FROM ${table} WHERE group_id = ? AND topic = ? AND partition = ?`,
      );
      const out = new Map<string, SinkPosition>();
      for (const tp of partitions) {
        const row = select.get(groupId, tp.topic, tp.partition) as { offset: number; state: string | null } | undefined;
        if (row !== undefined) out.set(topicPartitionKey(tp), { offset: Number(row.offset), state: row.state });
      }
      return out;
    },
    transaction<T>(groupId: string, commits: SinkCommit[], work: (tx: SqliteTx) => Promise<T> | T): Promise<T> {
      // better-sqlite3 has one connection: transactions of this process must not interleave.
      const run = queue.then(() => runTransaction(conn(), table, groupId, commits, work, options.busyTimeoutMs ?? 10_000));
      queue = run.catch(() => undefined);
      return run;
    },
    async close() {
      await queue;
      db?.close();
      db = undefined;
    },
  };
}

async function runTransaction<T>(
  db: Database.Database,
  table: string,
  groupId: string,
  commits: SinkCommit[],
  work: (tx: SqliteTx) => Promise<T> | T,
  busyTimeoutMs: number,
): Promise<T> {
  const insert = db.prepare(
    `INSERT INTO ${table} (group_id, topic, partition, next_offset, dedup_state, updated_at)
     VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  const update = db.prepare(
    `UPDATE ${table} SET next_offset = ?, dedup_state = ?, updated_at = ?
     WHERE group_id = ? AND topic = ? AND partition = ? AND next_offset = ?`,
  );
  await beginImmediate(db, busyTimeoutMs);
  try {
    const now = Date.now();
    const conflicts: TopicPartition[] = [];
    for (const c of commits) {
      const changes =
        c.expectedOffset === null
          ? insert.run(groupId, c.topic, c.partition, c.offset, c.state, now).changes
          : update.run(c.offset, c.state, now, groupId, c.topic, c.partition, c.expectedOffset).changes;
      if (changes !== 1) conflicts.push({ topic: c.topic, partition: c.partition });
    }
    if (conflicts.length > 0) throw new SinkConflictError(groupId, conflicts);
    const result = await work(db);
    db.exec('COMMIT');
    return result;
  } catch (err) {
    if (db.inTransaction) db.exec('ROLLBACK');
    throw err;
  }
}

// Takes the write lock, waiting asynchronously while another process (or connection) holds it.
async function beginImmediate(db: Database.Database, busyTimeoutMs: number): Promise<void> {
  const deadline = Date.now() + busyTimeoutMs;
  for (let wait = 1; ; wait = Math.min(wait * 2, 50)) {
    try {
      db.exec('BEGIN IMMEDIATE');
      return;
    } catch (err) {
      const busy = (err as { code?: string }).code === 'SQLITE_BUSY';
      if (!busy || Date.now() >= deadline) {
        throw new EoskitError('SINK', `sqlite: cannot begin a transaction: ${(err as Error).message}`, {
          cause: err,
          retriable: busy,
        });
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
  }
}
