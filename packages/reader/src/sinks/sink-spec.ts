import { EoskitError } from '@eoskit/core';
import type { BuiltinSink } from './events-table.js';
import { createPostgresSink } from './postgres-sink.js';
import { createSqliteSink } from './sqlite-sink.js';

/**
 * Builds a sink from a command-line spec: `sqlite:PATH`, `postgres:URL`, or a
 * bare `postgres://` / `postgresql://` URL. The sink is not opened yet.
 */
export function sinkFromSpec(spec: string, option = '--sink'): BuiltinSink {
  if (spec.startsWith('sqlite:')) {
    const path = spec.slice('sqlite:'.length);
    if (path === '') throw new EoskitError('CONFIG_INVALID', `${option}: sqlite: needs a file path (sqlite:PATH)`);
    return createSqliteSink({ path });
  }
  const url = spec.startsWith('postgres:') && !spec.startsWith('postgres://') ? spec.slice('postgres:'.length) : spec;
  if (/^postgres(ql)?:\/\//.test(url)) return createPostgresSink({ url });
  // Only the scheme is echoed: the rest may hold a password.
  const scheme = /^[a-z][a-z0-9+.-]*:/i.exec(spec)?.[0] ?? '(none)';
  throw new EoskitError(
    'CONFIG_INVALID',
    `${option}: unknown sink scheme ${scheme}; use sqlite:PATH or postgres:postgres://USER@HOST:PORT/DB`,
  );
}
