import { describe, expect, it } from 'vitest';
import { kafkajsSecurity, librdkafkaSecurity } from './security-config.js';

const CA = '-----BEGIN CERTIFICATE-----\nA\n-----END CERTIFICATE-----\n';
const CA2 = '-----BEGIN CERTIFICATE-----\nB\n-----END CERTIFICATE-----';
const KEY = '-----BEGIN PRIVATE KEY-----\nK\n-----END PRIVATE KEY-----\n';
const sasl = { mechanism: 'scram-sha-256', username: 'alice', password: 'pw' } as const;

describe('core > client > security config', () => {
  it('adds no keys at all when ssl and sasl are absent (default behaviour unchanged)', () => {
    expect(kafkajsSecurity({})).toEqual({});
    expect(Object.keys(kafkajsSecurity({}))).toEqual([]);
    expect(librdkafkaSecurity({})).toEqual({});
  });

  it('maps ssl and sasl to kafkajs options', () => {
    expect(kafkajsSecurity({ ssl: true })).toEqual({ ssl: true });
    expect(kafkajsSecurity({ ssl: { ca: [CA, CA2], rejectUnauthorized: false }, sasl })).toEqual({
      ssl: { ca: [CA, CA2], rejectUnauthorized: false },
      sasl: { mechanism: 'scram-sha-256', username: 'alice', password: 'pw' },
    });
    expect(kafkajsSecurity({ ssl: { cert: CA, key: KEY, passphrase: 'pp' } })).toEqual({ ssl: { cert: CA, key: KEY, passphrase: 'pp' } });
  });

  it('maps ssl and sasl to librdkafka properties with the right security.protocol', () => {
    expect(librdkafkaSecurity({ ssl: true })).toEqual({ 'security.protocol': 'ssl' });
    expect(librdkafkaSecurity({ ssl: false, sasl: { ...sasl, mechanism: 'plain' } })).toEqual({
      'security.protocol': 'sasl_plaintext',
      'sasl.mechanisms': 'PLAIN',
      'sasl.username': 'alice',
      'sasl.password': 'pw',
    });
    expect(librdkafkaSecurity({ ssl: { ca: [CA, CA2], cert: CA, key: KEY, passphrase: 'pp', rejectUnauthorized: false }, sasl })).toEqual({
      'security.protocol': 'sasl_ssl',
      'sasl.mechanisms': 'SCRAM-SHA-256',
      'sasl.username': 'alice',
      'sasl.password': 'pw',
      'ssl.ca.pem': `${CA.trim()}\n${CA2}`,
      'ssl.certificate.pem': CA,
      'ssl.key.pem': KEY,
      'ssl.key.password': 'pp',
      'enable.ssl.certificate.verification': false,
      'ssl.endpoint.identification.algorithm': 'none',
    });
  });
});
