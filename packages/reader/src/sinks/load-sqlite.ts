import type Database from 'better-sqlite3';
import { EoskitError } from '@eoskit/core';

/**
 * Loads better-sqlite3 on first use. It is an optional dependency with a
 * native build: where that build failed (no prebuilt binary and no Node
 * headers reachable), everything but the SQLite sink still works.
 */
export async function loadSqlite(importer: () => Promise<unknown> = () => import('better-sqlite3')): Promise<typeof Database> {
  try {
    const mod = (await importer()) as { default: typeof Database };
    return mod.default;
  } catch (err) {
    throw new EoskitError(
      'CLIENT_UNAVAILABLE',
      'the SQLite sink needs better-sqlite3, which is not installed or did not build: ' +
        '`npm install better-sqlite3` (with `npm_config_nodedir=<dir holding include/node>` where prebuilt binaries cannot be downloaded)',
      { cause: err },
    );
  }
}
