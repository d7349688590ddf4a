/**
 * A quiet logger for both clients. Output goes to stderr as one line per entry
 * with a few scalar fields; fields whose names look secret are dropped so a
 * password can never reach a log even if a client puts one in `extra`.
 */
import type { ClientKind, ClientOptions } from './types.js';

/** Log verbosity names, most quiet first. */
export type LogLevelName = NonNullable<ClientOptions['logLevel']>;

const RANK: Record<LogLevelName, number> = { nothing: 0, error: 1, warn: 2, info: 3, debug: 4 };
const SECRET_FIELD = /pass|secret|token|credential|sasl|jaas|key\.?store|trust\.?store/i;

/** The shape kafkajs' and confluent's KafkaJS layer both accept as a logger. */
export interface ClientLogger {
  error(message: string, extra?: object): void;
  warn(message: string, extra?: object): void;
  info(message: string, extra?: object): void;
  debug(message: string, extra?: object): void;
  namespace(name?: string): ClientLogger;
  setLogLevel(level: number): void;
}

/** Scalar, non-secret extras as `key=value` pairs. */
export function formatExtra(extra: object | undefined): string {
  if (!extra) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(extra)) {
    if (SECRET_FIELD.test(key)) continue;
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      parts.push(`${key}=${String(value)}`);
    }
  }
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

/** Creates a logger writing entries at or above `level` to `write` (stderr by default). */
export function createClientLogger(
  kind: ClientKind,
  level: LogLevelName = 'nothing',
  write: (line: string) => void = (line) => process.stderr.write(`${line}\n`),
  scope = '',
): ClientLogger {
  const limit = RANK[level];
  const emit = (name: LogLevelName, message: string, extra?: object): void => {
    if (RANK[name] > limit) return;
    write(`[eoskit:${kind}${scope ? `:${scope}` : ''}] ${name.toUpperCase()} ${message}${formatExtra(extra)}`);
  };
  return {
    error: (message, extra) => emit('error', message, extra),
    warn: (message, extra) => emit('warn', message, extra),
    info: (message, extra) => emit('info', message, extra),
    debug: (message, extra) => emit('debug', message, extra),
    namespace: (name) => createClientLogger(kind, level, write, name ?? scope),
    // The clients try to set their own level; eoskit's option decides.
    setLogLevel: () => undefined,
  };
}

/** True when `level` lets entries of `name` through. */
export const logs = (level: LogLevelName, name: LogLevelName): boolean => RANK[name] <= RANK[level] && RANK[name] > 0;
