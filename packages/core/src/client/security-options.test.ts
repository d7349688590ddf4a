import { inspect } from 'node:util';
import { describe, expect, it } from 'vitest';
import { EoskitError } from '../errors.js';
import { createClientLogger } from './client-logger.js';
import { createClient } from './create-client.js';
import { checkSecurityOptions, REDACTED, redactClientOptions } from './security-options.js';
import type { ClientOptions } from './types.js';

const SECRET = 'hunter2-s3cret';
const PEM = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
const KEY = `-----BEGIN PRIVATE KEY-----\n${SECRET}\n-----END PRIVATE KEY-----\n`;

/** The CONFIG_INVALID error createClient throws for `extra` on top of valid options. */
async function refusal(extra: Record<string, unknown>): Promise<EoskitError> {
  try {
    await createClient({ client: 'kafkajs', brokers: ['127.0.0.1:9092'], ...extra } as ClientOptions);
  } catch (err) {
    if (err instanceof EoskitError) return err;
    throw err;
  }
  throw new Error('accepted');
}

describe('core > client > security options', () => {
  it('names the key of a bad mechanism, a missing username or password, a bad ssl value', async () => {
    const sasl = { mechanism: 'plain', username: 'alice', password: SECRET };
    const cases: Array<[Record<string, unknown>, RegExp]> = [
      [{ sasl: { ...sasl, mechanism: 'gssapi' } }, /client option sasl\.mechanism: must be one of plain, scram-sha-256, scram-sha-512, got "gssapi"/],
      [{ sasl: { ...sasl, mechanism: undefined } }, /sasl\.mechanism: must be one of .*, got undefined/],
      [{ sasl: { ...sasl, username: '' } }, /client option sasl\.username: is missing/],
      [{ sasl: { mechanism: 'plain', password: SECRET } }, /sasl\.username: is missing/],
      [{ sasl: { mechanism: 'scram-sha-512', username: 'alice' } }, /client option sasl\.password: is missing/],
      [{ sasl: { ...sasl, passwd: SECRET } }, /client option sasl\.passwd: unknown key/],
      [{ sasl: 'plain' }, /client option sasl: must be an object/],
      [{ ssl: 'yes' }, /client option ssl: must be true, false or an object/],
      [{ ssl: { ca: '/etc/ssl/ca.pem' } }, /client option ssl\.ca: must be PEM text .* not a file path/],
      [{ ssl: { ca: [] } }, /ssl\.ca: is an empty list/],
      [{ ssl: { cert: PEM } }, /client option ssl\.key: mutual TLS needs both/],
      [{ ssl: { key: KEY } }, /client option ssl\.cert: mutual TLS needs both/],
      [{ ssl: { cert: PEM, key: SECRET } }, /client option ssl\.key: must be PEM text/],
      [{ ssl: { ca: PEM, passphrase: SECRET } }, /ssl\.passphrase: is set but ssl\.key is not/],
      [{ ssl: { rejectUnauthorized: 'no' } }, /ssl\.rejectUnauthorized: must be true or false/],
    ];
    for (const [extra, expected] of cases) {
      const err = await refusal(extra);
      expect(err.code).toBe('CONFIG_INVALID');
      expect(err.message).toMatch(expected);
    }
  });

  it('never puts a password, key or passphrase into an error, its inspection or JSON', async () => {
    const leaky: Array<Record<string, unknown>> = [
      { sasl: { mechanism: 'oauthbearer', username: 'alice', password: SECRET } },
      { sasl: { mechanism: SECRET, username: 'alice', password: SECRET } },
      { sasl: { mechanism: `${SECRET}!`, username: 'alice', password: 'other' } },
      { sasl: { mechanism: 'plain', username: 'alice', password: SECRET, extra: SECRET } },
      { sasl: { mechanism: 'plain', username: 'alice', password: { value: SECRET } } },
      { ssl: { cert: PEM, key: SECRET, passphrase: SECRET } },
      { ssl: { ca: SECRET } },
      { ssl: { cert: PEM, key: KEY, passphrase: SECRET, rejectUnauthorized: 'maybe' } },
      { brokers: ['not a broker'], sasl: { mechanism: 'plain', username: 'alice', password: SECRET } },
    ];
    for (const extra of leaky) {
      const err = await refusal(extra);
      expect(err.code).toBe('CONFIG_INVALID');
      for (const shown of [err.message, String(err), inspect(err, { depth: 10 }), JSON.stringify(err), err.stack ?? '']) {
        expect(shown).not.toContain(SECRET);
      }
    }
  });

  it('keeps the password out of client log lines even when a client logs the options', () => {
    const lines: string[] = [];
    const logger = createClientLogger('kafkajs', 'debug', (line) => lines.push(line));
    const options = { brokers: ['b:1'], sasl: { mechanism: 'plain', username: 'alice', password: SECRET }, password: SECRET, 'sasl.password': SECRET, 'ssl.key.password': SECRET };
    logger.error('connecting', options);
    expect(lines.join('\n')).not.toContain(SECRET);
    expect(lines.join('\n')).toContain('connecting');
  });

  it('redacts secrets in a printable copy and leaves the original untouched', () => {
    const options: ClientOptions = {
      client: 'confluent',
      brokers: ['b:1'],
      sasl: { mechanism: 'scram-sha-256', username: 'alice', password: SECRET },
      ssl: { ca: PEM, cert: PEM, key: KEY, passphrase: SECRET },
    };
    const shown = redactClientOptions(options);
    expect(inspect(shown, { depth: 5 })).not.toContain(SECRET);
    expect(shown.sasl).toEqual({ mechanism: 'scram-sha-256', username: 'alice', password: REDACTED });
    expect(shown.ssl).toMatchObject({ ca: PEM, key: REDACTED, passphrase: REDACTED });
    expect(options.sasl?.password).toBe(SECRET);
  });

  it('accepts every valid combination, and options without ssl or sasl', () => {
    const sasl = { mechanism: 'scram-sha-512', username: 'u', password: 'p' } as const;
    for (const options of [{}, { sasl: { ...sasl, mechanism: 'SCRAM-SHA-512' as 'scram-sha-512' } }, { ssl: true }, { ssl: false }, { sasl }, { ssl: { ca: [PEM, PEM] }, sasl }, { ssl: { cert: PEM, key: KEY, passphrase: 'x', rejectUnauthorized: false } }]) {
      expect(() => checkSecurityOptions(options)).not.toThrow();
    }
  });
});
