import type { ConfigEntry } from '../model.js';

import { isSecretKey as isNamedSecret, REDACTED as PARSER_REDACTED } from '../parsers/secret-keys.js';

/** What a secret value is printed as, in every format (the parsers' marker, so there is one). */
export const REDACTED = PARSER_REDACTED;

/** Misspelled password keys (`ssl.key.pasword`) still hold passwords. */
const MISSPELLED_PASSWORD = /pas+w(o?r)?d/i;

/** True when a key names a secret: the parsers' list, plus misspelled passwords. */
export function isSecretKey(key: string): boolean {
  return isNamedSecret(key) || MISSPELLED_PASSWORD.test(key);
}

/** The printable form of an entry's value. */
export function printableValue(entry: Pick<ConfigEntry, 'secret' | 'key' | 'rawKey' | 'value'>): string {
  return entry.secret || isSecretKey(entry.key) || isSecretKey(entry.rawKey) ? REDACTED : entry.value;
}

/**
 * Removes secret values from free text (parse error messages quote lines):
 * each known secret, plus `password="..."`-style JAAS options.
 */
export function redactText(text: string, secrets: Iterable<string>): string {
  let out = text;
  for (const secret of secrets) {
    if (secret.length >= 3) out = out.split(secret).join(REDACTED);
  }
  return out
    .replace(/((?:password|secret|token|apikey|api_key)\s*[=:]\s*)("[^"]*"|'[^']*'|[^\s;,]+)/gi, `$1${REDACTED}`)
    .replace(/(basic\.auth\.user\.info\s*[=:]\s*)\S+/gi, `$1${REDACTED}`);
}
