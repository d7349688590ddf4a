import { describe, expect, it } from 'vitest';
import { isSecretKey, printableValue, REDACTED, redactText } from './redact.js';

describe('engine > redact', () => {
  it('treats password, JAAS, token and basic-auth keys as secret, also misspelled', () => {
    for (const k of ['sasl.jaas.config', 'ssl.keystore.password', 'ssl.key.pasword', 'basic.auth.user.info', 'sasl.oauthbearer.client.secret', 'KAFKA_SSL_TRUSTSTORE_PASSWORD', 'bearer.auth.token']) {
      expect(isSecretKey(k), k).toBe(true);
    }
    for (const k of ['acks', 'transactional.id', 'ssl.truststore.location', 'bootstrap.servers', 'delegation.token.max.lifetime.ms']) expect(isSecretKey(k), k).toBe(false);
  });

  it('prints secret entries as the redaction marker', () => {
    expect(printableValue({ key: 'ssl.key.password', rawKey: 'ssl.key.password', value: 'x', secret: false })).toBe(REDACTED);
    expect(printableValue({ key: 'acks', rawKey: 'acks', value: 'all', secret: false })).toBe('all');
  });

  it('removes known secrets and JAAS passwords from free text', () => {
    expect(redactText('bad line: password="hunter2" x', [])).toBe(`bad line: password=${REDACTED} x`);
    expect(redactText('value s3cr3t-value is odd', ['s3cr3t-value'])).toBe(`value ${REDACTED} is odd`);
    expect(redactText('basic.auth.user.info=user:pw', [])).toBe(`basic.auth.user.info=${REDACTED}`);
  });
});
