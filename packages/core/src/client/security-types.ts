/**
 * Security settings of {@link ClientOptions}: TLS and SASL. Both clients get
 * the same meaning from them (kafkajs `ssl`/`sasl`, librdkafka
 * `security.protocol`, `sasl.*` and `ssl.*` properties).
 */

/**
 * TLS settings. Certificates and keys are PEM text (not file paths): read
 * them with `readFileSync(path, 'utf8')`.
 */
export interface TlsOptions {
  /**
   * CA certificate(s) to trust for the brokers' certificates, replacing the
   * system CAs. Default: the system CAs.
   */
  ca?: string | string[];
  /** Client certificate (chain) for mutual TLS; needs `key`. */
  cert?: string;
  /** Private key of `cert`. Never printed. */
  key?: string;
  /** Passphrase of an encrypted `key`. Never printed. */
  passphrase?: string;
  /**
   * Check the brokers' certificates and host names. Default `true`; `false`
   * is for test clusters only (it accepts any certificate).
   */
  rejectUnauthorized?: boolean;
}

/** SASL mechanisms eoskit supports (as kafkajs spells them; upper case is accepted too). */
export type SaslMechanism = 'plain' | 'scram-sha-256' | 'scram-sha-512';

/** SASL username/password authentication. */
export interface SaslOptions {
  /** `plain` (send it over TLS only) or `scram-sha-256` / `scram-sha-512`. */
  mechanism: SaslMechanism;
  /** The SASL user name. */
  username: string;
  /** The user's password. Never printed: errors and logs show `[redacted]`. */
  password: string;
}
