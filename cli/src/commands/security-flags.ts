/**
 * `--sasl-mechanism`, `--sasl-username`, `--tls` and `--tls-ca` for every
 * command that talks to Kafka. The SASL password comes from the environment
 * variable EOSKIT_SASL_PASSWORD only: a flag would show in `ps` and shell
 * history.
 */
import { readFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import type { ClientOptions, SaslMechanism } from '@eoskit/core';

/** The environment variable holding the SASL password. */
export const SASL_PASSWORD_ENV = 'EOSKIT_SASL_PASSWORD';

/** The parsed flags. */
export interface SecurityFlags {
  saslMechanism?: SaslMechanism;
  saslUsername?: string;
  tls?: boolean;
  tlsCa?: string;
}

/** What a command's action finds in its options after {@link securityFlags}. */
export interface WithSecurity {
  /** Client options from the flags (set before the action runs). */
  security: SecurityOptions;
}

/** The `ssl`/`sasl` part of `ClientOptions`; empty when no flag was given. */
export type SecurityOptions = Pick<ClientOptions, 'ssl' | 'sasl'>;

/**
 * Adds the security flags to `command`, and a hook that checks them before
 * the action runs and leaves the result in the action's `opts.security`.
 */
export function securityFlags(command: Command): Command {
  return command
    .hook('preAction', (_self, action) => {
      const usage = (message: string): never => action.error(`error: ${message}`, { exitCode: 2 });
      action.setOptionValue('security', securityOptions(action.opts<SecurityFlags>(), usage));
    })
    .addOption(new Option('--sasl-mechanism <mechanism>', `SASL login (password from $${SASL_PASSWORD_ENV})`).choices(['plain', 'scram-sha-256', 'scram-sha-512']))
    .option('--sasl-username <name>', 'SASL user name (with --sasl-mechanism)')
    .option('--tls', 'connect over TLS, trusting the system CAs')
    .option('--tls-ca <file>', 'connect over TLS, trusting the CA certificate(s) in this PEM file');
}

/**
 * The client options the flags ask for. Calls `usage` (exit 2) for a flag
 * missing its partner or an unreadable CA file; never prints the password.
 */
export function securityOptions(flags: SecurityFlags, usage: (message: string) => never, env: NodeJS.ProcessEnv = process.env): SecurityOptions {
  const out: SecurityOptions = {};
  if (flags.tlsCa !== undefined) {
    let ca: string;
    try {
      ca = readFileSync(flags.tlsCa, 'utf8');
    } catch (err) {
      return usage(`--tls-ca ${flags.tlsCa}: ${(err as NodeJS.ErrnoException).code ?? 'cannot be read'}`);
    }
    if (!ca.includes('-----BEGIN CERTIFICATE-----')) usage(`--tls-ca ${flags.tlsCa}: not a PEM certificate file`);
    out.ssl = { ca };
  } else if (flags.tls) out.ssl = true;
  if (flags.saslMechanism === undefined) {
    if (flags.saslUsername !== undefined) usage('--sasl-username needs --sasl-mechanism');
    return out;
  }
  if (flags.saslUsername === undefined || flags.saslUsername === '') usage('--sasl-mechanism needs --sasl-username');
  const password = env[SASL_PASSWORD_ENV];
  if (password === undefined || password === '') usage(`--sasl-mechanism needs the password in the environment variable ${SASL_PASSWORD_ENV}`);
  out.sasl = { mechanism: flags.saslMechanism, username: flags.saslUsername, password };
  return out;
}
