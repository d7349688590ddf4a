/**
 * Turns the `ssl` and `sasl` client options into each client's settings.
 *
 * The confluent client gets librdkafka properties only, never the KafkaJS
 * layer's `ssl`/`sasl` keys: the layer refuses an `ssl` object, and its
 * translation would set `security.protocol` and `sasl.*` a second time.
 * librdkafka properties given next to the `kafkaJS` block win over that
 * translation, so one source decides.
 */
import type { SASLOptions } from 'kafkajs';
import type { ConnectionOptions } from 'node:tls';
import type { ClientOptions } from './types.js';

/** kafkajs `ssl` and `sasl` for `new Kafka({...})`; empty when neither is set (no keys added). */
export function kafkajsSecurity(options: Pick<ClientOptions, 'ssl' | 'sasl'>): { ssl?: boolean | ConnectionOptions; sasl?: SASLOptions } {
  const out: { ssl?: boolean | ConnectionOptions; sasl?: SASLOptions } = {};
  const { ssl, sasl } = options;
  if (ssl === true || ssl === false) out.ssl = ssl;
  else if (ssl !== undefined) {
    const tls: ConnectionOptions = {};
    if (ssl.ca !== undefined) tls.ca = ssl.ca;
    if (ssl.cert !== undefined) tls.cert = ssl.cert;
    if (ssl.key !== undefined) tls.key = ssl.key;
    if (ssl.passphrase !== undefined) tls.passphrase = ssl.passphrase;
    if (ssl.rejectUnauthorized !== undefined) tls.rejectUnauthorized = ssl.rejectUnauthorized;
    out.ssl = tls;
  }
  if (sasl !== undefined) {
    // kafkajs' SASLOptions is a union keyed by mechanism; ours is a subset of it.
    out.sasl = { mechanism: sasl.mechanism.toLowerCase(), username: sasl.username, password: sasl.password } as SASLOptions;
  }
  return out;
}

/** librdkafka properties for `ssl` and `sasl`; empty when neither is set (no keys added). */
export function librdkafkaSecurity(options: Pick<ClientOptions, 'ssl' | 'sasl'>): Record<string, string | boolean> {
  const { ssl, sasl } = options;
  const tls = ssl !== undefined && ssl !== false;
  const out: Record<string, string | boolean> = {};
  if (sasl !== undefined) out['security.protocol'] = tls ? 'sasl_ssl' : 'sasl_plaintext';
  else if (tls) out['security.protocol'] = 'ssl';
  if (sasl !== undefined) {
    out['sasl.mechanisms'] = sasl.mechanism.toUpperCase();
    out['sasl.username'] = sasl.username;
    out['sasl.password'] = sasl.password;
  }
  if (typeof ssl === 'object') {
    // librdkafka reads every certificate in one PEM string.
    if (ssl.ca !== undefined) out['ssl.ca.pem'] = (Array.isArray(ssl.ca) ? ssl.ca : [ssl.ca]).map((c) => c.trim()).join('\n');
    if (ssl.cert !== undefined) out['ssl.certificate.pem'] = ssl.cert;
    if (ssl.key !== undefined) out['ssl.key.pem'] = ssl.key;
    if (ssl.passphrase !== undefined) out['ssl.key.password'] = ssl.passphrase;
    if (ssl.rejectUnauthorized === false) {
      // Node's rejectUnauthorized: false skips both the chain and the host name check.
      out['enable.ssl.certificate.verification'] = false;
      out['ssl.endpoint.identification.algorithm'] = 'none';
    }
  }
  return out;
}
