/**
 * Checks the `ssl` and `sasl` client options and hides their secrets.
 * Messages name the key and never echo a password, passphrase or key.
 */
import { EoskitError } from '../errors.js';
import type { ClientOptions, SaslMechanism } from './types.js';

/** What replaces a secret wherever options are shown. */
export const REDACTED = '[redacted]';

const MECHANISMS: readonly SaslMechanism[] = ['plain', 'scram-sha-256', 'scram-sha-512'];
const TLS_KEYS = ['ca', 'cert', 'key', 'passphrase', 'rejectUnauthorized'];
const SASL_KEYS = ['mechanism', 'username', 'password'];

const invalid = (key: string, message: string): EoskitError =>
  new EoskitError('CONFIG_INVALID', `client option ${key}: ${message}`);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A value's kind for messages; never the value itself (it may be a secret). */
const kindOf = (value: unknown): string => (value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value);

function checkKeys(prefix: string, given: Record<string, unknown>, allowed: readonly string[]): void {
  for (const key of Object.keys(given)) {
    if (!allowed.includes(key)) throw invalid(`${prefix}.${key}`, `unknown key (allowed: ${allowed.join(', ')})`);
  }
}

function checkTls(ssl: unknown): void {
  if (ssl === undefined || typeof ssl === 'boolean') return;
  if (!isRecord(ssl)) throw invalid('ssl', `must be true, false or an object with ${TLS_KEYS.join(', ')}, got ${kindOf(ssl)}`);
  checkKeys('ssl', ssl, TLS_KEYS);
  const { ca } = ssl;
  const cas = Array.isArray(ca) ? ca : ca === undefined ? [] : [ca];
  if (cas.length === 0 && Array.isArray(ca)) throw invalid('ssl.ca', 'is an empty list');
  for (const one of cas) {
    if (typeof one !== 'string' || !one.includes('-----BEGIN')) {
      throw invalid('ssl.ca', 'must be PEM text ("-----BEGIN CERTIFICATE-----..."), not a file path; read the file first');
    }
  }
  for (const key of ['cert', 'key'] as const) {
    const value = ssl[key];
    if (value !== undefined && (typeof value !== 'string' || !value.includes('-----BEGIN'))) {
      throw invalid(`ssl.${key}`, 'must be PEM text, not a file path; read the file first');
    }
  }
  if ((ssl.cert === undefined) !== (ssl.key === undefined)) {
    throw invalid(ssl.cert === undefined ? 'ssl.cert' : 'ssl.key', 'mutual TLS needs both ssl.cert and ssl.key');
  }
  if (ssl.passphrase !== undefined && typeof ssl.passphrase !== 'string') throw invalid('ssl.passphrase', `must be a string, got ${kindOf(ssl.passphrase)}`);
  if (ssl.passphrase !== undefined && ssl.key === undefined) throw invalid('ssl.passphrase', 'is set but ssl.key is not');
  if (ssl.rejectUnauthorized !== undefined && typeof ssl.rejectUnauthorized !== 'boolean') {
    throw invalid('ssl.rejectUnauthorized', `must be true or false, got ${kindOf(ssl.rejectUnauthorized)}`);
  }
}

function checkSasl(sasl: unknown): void {
  if (sasl === undefined) return;
  if (!isRecord(sasl)) throw invalid('sasl', `must be an object with mechanism, username and password, got ${kindOf(sasl)}`);
  checkKeys('sasl', sasl, SASL_KEYS);
  const { mechanism } = sasl;
  if (typeof mechanism !== 'string' || !MECHANISMS.includes(mechanism.toLowerCase() as SaslMechanism)) {
    // Echo a mechanism-like name only: a password typed into the wrong field must not be printed.
    const echo = typeof mechanism === 'string' && /^[A-Za-z0-9_-]{1,20}$/.test(mechanism) && mechanism !== sasl.password;
    const got = echo ? JSON.stringify(mechanism) : typeof mechanism === 'string' ? 'another value' : kindOf(mechanism);
    throw invalid('sasl.mechanism', `must be one of ${MECHANISMS.join(', ')}, got ${got}`);
  }
  if (typeof sasl.username !== 'string' || sasl.username === '') throw invalid('sasl.username', 'is missing (a non-empty string is required)');
  if (typeof sasl.password !== 'string' || sasl.password === '') throw invalid('sasl.password', 'is missing (a non-empty string is required)');
}

/** Throws a `CONFIG_INVALID` error naming the key when `ssl` or `sasl` is malformed. */
export function checkSecurityOptions(options: Pick<ClientOptions, 'ssl' | 'sasl'>): void {
  checkTls(options.ssl);
  checkSasl(options.sasl);
}

/** A copy of `options` safe to print: SASL password, TLS key and passphrase replaced by {@link REDACTED}. */
export function redactClientOptions<T extends Pick<ClientOptions, 'ssl' | 'sasl'>>(options: T): T {
  const copy: T = { ...options };
  if (isRecord(options.sasl)) copy.sasl = { ...options.sasl, password: REDACTED };
  if (isRecord(options.ssl)) {
    const ssl = { ...options.ssl };
    if (ssl.key !== undefined) ssl.key = REDACTED;
    if (ssl.passphrase !== undefined) ssl.passphrase = REDACTED;
    copy.ssl = ssl;
  }
  return copy;
}
