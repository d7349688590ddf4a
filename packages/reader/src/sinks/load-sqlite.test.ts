import { describe, expect, it } from 'vitest';
import { isEoskitError } from '@eoskit/core';
import { loadSqlite } from './load-sqlite.js';

describe('reader > sinks > loadSqlite', () => {
  it('loads better-sqlite3 when it is installed', async () => {
    const Sqlite = await loadSqlite();
    const db = new Sqlite(':memory:');
    expect(db.prepare('SELECT 1 + 1 AS two').get()).toEqual({ two: 2 });
    db.close();
  });

  it('explains how to install it when it is missing', async () => {
    const err = await loadSqlite(() => Promise.reject(new Error("Cannot find package 'better-sqlite3'"))).catch((e: unknown) => e);
    expect(isEoskitError(err, 'CLIENT_UNAVAILABLE')).toBe(true);
    expect((err as Error).message).toMatch(/SQLite sink needs better-sqlite3.*npm install better-sqlite3/);
  });
});
