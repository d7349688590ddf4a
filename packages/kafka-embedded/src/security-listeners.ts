/**
 * Extra client listeners of an embedded cluster: SASL_PLAINTEXT (PLAIN and
 * SCRAM users) and SSL (a self-signed PEM keystore). The PLAINTEXT listener,
 * the inter-broker listener and the controller listener stay as they are, so
 * readiness checks and node restarts work unchanged.
 */
import { EoskitError } from '@eoskit/core';

/** SASL users of an embedded cluster. */
export interface EmbeddedSaslOptions {
  /**
   * User name -> password. Every user can log in with PLAIN, SCRAM-SHA-256
   * and SCRAM-SHA-512. Names: letters, digits, `._-`; passwords: no spaces,
   * quotes, backslashes, commas, brackets or `=` (they go into JAAS and
   * `kafka-storage format --add-scram` text).
   */
  users: Record<string, string>;
}

/** PEM text of the SSL listener's certificate chain and its unencrypted PKCS#8 key. */
export interface ListenerTls {
  certificateChain: string;
  privateKey: string;
}

/** What the security listeners of one node need. */
export interface SecurityListenerInput {
  saslPort?: number | undefined;
  sslPort?: number | undefined;
  sasl?: EmbeddedSaslOptions | undefined;
  tls?: ListenerTls | undefined;
}

/** The SCRAM mechanisms every SASL user gets. */
export const SCRAM_MECHANISMS = ['SCRAM-SHA-256', 'SCRAM-SHA-512'] as const;

const USER_NAME = /^[A-Za-z0-9._-]+$/;
const PASSWORD = /^[^\s"'\\,[\]=]+$/;

/** Throws an `EMBEDDED_KAFKA` error naming the user (never the password) when a user cannot be written. */
export function checkSaslUsers(sasl: EmbeddedSaslOptions): void {
  const users = Object.entries(sasl?.users ?? {});
  if (users.length === 0) throw new EoskitError('EMBEDDED_KAFKA', 'sasl.users must name at least one user');
  for (const [name, password] of users) {
    if (!USER_NAME.test(name)) throw new EoskitError('EMBEDDED_KAFKA', `sasl.users: user name ${JSON.stringify(name)} may only hold letters, digits, ".", "_" and "-"`);
    if (typeof password !== 'string' || !PASSWORD.test(password)) {
      throw new EoskitError('EMBEDDED_KAFKA', `sasl.users.${name}: the password must be non-empty without spaces, quotes, backslashes, commas, brackets or "="`);
    }
  }
}

/** `listeners` entries (also the `advertised.listeners` ones: everything is on 127.0.0.1). */
export function securityListeners(input: SecurityListenerInput): string[] {
  const out: string[] = [];
  if (input.sasl && input.saslPort !== undefined) out.push(`SASL_PLAINTEXT://127.0.0.1:${input.saslPort}`);
  if (input.tls && input.sslPort !== undefined) out.push(`SSL://127.0.0.1:${input.sslPort}`);
  return out;
}

/** Listener-scoped broker settings: mechanisms, JAAS configs, PEM keystore. */
export function securityBrokerConfig(input: SecurityListenerInput): Record<string, string> {
  const config: Record<string, string> = {};
  if (input.sasl && input.saslPort !== undefined) {
    const prefix = 'listener.name.sasl_plaintext';
    config[`${prefix}.sasl.enabled.mechanisms`] = ['PLAIN', ...SCRAM_MECHANISMS].join(',');
    const plainUsers = Object.entries(input.sasl.users).map(([name, password]) => `user_${name}="${password}"`);
    config[`${prefix}.plain.sasl.jaas.config`] = `org.apache.kafka.common.security.plain.PlainLoginModule required ${plainUsers.join(' ')};`;
    for (const mechanism of SCRAM_MECHANISMS) {
      // SCRAM credentials live in the cluster metadata (written at format time, see scramFormatArgs).
      config[`${prefix}.${mechanism.toLowerCase()}.sasl.jaas.config`] = 'org.apache.kafka.common.security.scram.ScramLoginModule required;';
    }
  }
  if (input.tls && input.sslPort !== undefined) {
    const prefix = 'listener.name.ssl';
    config[`${prefix}.ssl.keystore.type`] = 'PEM';
    config[`${prefix}.ssl.keystore.certificate.chain`] = input.tls.certificateChain;
    config[`${prefix}.ssl.keystore.key`] = input.tls.privateKey;
  }
  return config;
}

/** `kafka-storage format` arguments that create every user's SCRAM credentials. */
export function scramFormatArgs(sasl: EmbeddedSaslOptions | undefined): string[] {
  if (!sasl) return [];
  return Object.entries(sasl.users).flatMap(([name, password]) =>
    SCRAM_MECHANISMS.flatMap((mechanism) => ['--add-scram', `${mechanism}=[name=${name},password=${password}]`]),
  );
}
