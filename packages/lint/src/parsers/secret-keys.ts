/**
 * Keys whose values are never printed: JAAS configs (they embed passwords),
 * SSL/SASL passwords, private keys, OAuth client secrets, schema-registry
 * `basic.auth.user.info`, tokens and API keys. Matched on the normalized key,
 * any prefix (`producer.`, `properties.`, `listener.name.x.`) allowed.
 */
const SECRET = /(^|[.\-_])(sasl\.jaas\.config|jaas|password|passwd|secret|token|credentials?|user\.info|api[.\-_]?key|private[.\-_]?key|key\.pem|keystore\.key)($|[.\-_])/i;

/** Parts that mark a key as *about* a secret, not holding one (`sasl.oauthbearer.token.endpoint.url`). */
const NOT_SECRET = /([.\-_](url|uri|ms|class|type|algorithm|location|file|path|iterations|length|size|enable|enabled|expiry|name|mechanism|provider|protocol|format))$/i;

/** True when a value under this key must be redacted in every output. */
export function isSecretKey(key: string): boolean {
  if (/sasl\.jaas\.config$/i.test(key)) return true;
  return SECRET.test(key) && !NOT_SECRET.test(key);
}

/** What outputs print instead of a secret value. */
export const REDACTED = '[redacted]';
