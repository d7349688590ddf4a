import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { startPostgres } from '../setup/postgres-server.js';
import type { PostgresServer } from '../setup/postgres-server.js';

/** Handle returned by {@link usePostgres}. */
export interface PostgresForTests {
  /** Creates an empty database and returns its URL (`postgres://postgres@127.0.0.1:<port>/<db>`). */
  newDatabase(): Promise<string>;
}

/**
 * Starts a PostgreSQL server for the calling test file (in `beforeAll`) and
 * stops it in `afterAll`. Lazy per suite on purpose: only suites that need
 * PostgreSQL pay its ~2 s start, and a crashed suite cannot leak it to others.
 */
export function usePostgres(): PostgresForTests {
  let server: PostgresServer | undefined;
  beforeAll(async () => {
    server = await startPostgres();
  }, 120_000);
  afterAll(() => server?.stop());
  return {
    async newDatabase() {
      if (server === undefined) throw new Error('usePostgres(): the server is not started yet (call newDatabase in a test or hook)');
      const name = `t_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
      const admin = new pg.Client({ connectionString: server.url });
      await admin.connect();
      try {
        await admin.query(`CREATE DATABASE ${name}`);
      } finally {
        await admin.end();
      }
      return server.url.replace(/\/postgres$/, `/${name}`);
    },
  };
}
