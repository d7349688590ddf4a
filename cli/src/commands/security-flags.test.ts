import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../eoskit.js';
import { SASL_PASSWORD_ENV, securityOptions } from './security-flags.js';

const CA = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const usage = (message: string): never => {
  throw new Error(`usage: ${message}`);
};

describe('cli > security flags', () => {
  it('gives no client options without flags, so clients connect as before', () => {
    expect(securityOptions({}, usage, {})).toEqual({});
  });

  it('takes the SASL password from EOSKIT_SASL_PASSWORD only', () => {
    const env = { [SASL_PASSWORD_ENV]: 'pw-from-env' };
    expect(securityOptions({ saslMechanism: 'scram-sha-512', saslUsername: 'alice' }, usage, env)).toEqual({
      sasl: { mechanism: 'scram-sha-512', username: 'alice', password: 'pw-from-env' },
    });
    expect(() => securityOptions({ saslMechanism: 'plain', saslUsername: 'alice' }, usage, {})).toThrow(/usage: --sasl-mechanism needs the password in the environment variable EOSKIT_SASL_PASSWORD/);
    expect(() => securityOptions({ saslMechanism: 'plain' }, usage, env)).toThrow(/usage: --sasl-mechanism needs --sasl-username/);
    expect(() => securityOptions({ saslUsername: 'alice' }, usage, env)).toThrow(/usage: --sasl-username needs --sasl-mechanism/);
  });

  it('reads --tls-ca as PEM and turns on TLS with --tls', () => {
    const dir = mkdtempSync(join(tmpdir(), 'eoskit-tls-'));
    writeFileSync(join(dir, 'ca.pem'), CA);
    writeFileSync(join(dir, 'not.pem'), 'hello');
    expect(securityOptions({ tls: true }, usage, {})).toEqual({ ssl: true });
    expect(securityOptions({ tlsCa: join(dir, 'ca.pem') }, usage, {})).toEqual({ ssl: { ca: CA } });
    expect(() => securityOptions({ tlsCa: join(dir, 'missing.pem') }, usage, {})).toThrow(/usage: --tls-ca .*missing\.pem: ENOENT/);
    expect(() => securityOptions({ tlsCa: join(dir, 'not.pem') }, usage, {})).toThrow(/not a PEM certificate file/);
  });

  it('ends a command with exit 2 and one line before connecting when the password is missing', async () => {
    const saved = process.env[SASL_PASSWORD_ENV];
    delete process.env[SASL_PASSWORD_ENV];
    const errors: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
      errors.push(String(chunk));
      return true;
    });
    try {
      const code = await main(['verify', '--bootstrap', '127.0.0.1:1', '--topic', 't', '--writer', 'w', '--count', '1', '--sasl-mechanism', 'plain', '--sasl-username', 'alice']);
      expect(code).toBe(2);
      expect(errors.join('')).toMatch(/error: --sasl-mechanism needs the password in the environment variable EOSKIT_SASL_PASSWORD/);
    } finally {
      spy.mockRestore();
      if (saved !== undefined) process.env[SASL_PASSWORD_ENV] = saved;
    }
  });
});
