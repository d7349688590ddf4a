import type { ConfigEntry } from '../model.js';

/** What a secret value is printed as, in every format. */
export const REDACTED = '****';

const SECRET_KEY = /(pas+w|\bpass\b|secret|token|jaas|basic\.auth\.user\.info|credentials?|api\.?key|private\.key|sasl\.oauthbearer\.client)/i;

/** True when a key names a secret, whatever the parser said. */
export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key);
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
