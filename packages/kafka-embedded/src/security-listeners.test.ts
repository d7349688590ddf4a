import { parse } from 'dot-properties';
import { describe, expect, it } from 'vitest';
import { brokerConfig, type NodePorts, renderBrokerConfig } from './broker-config.js';
import { checkSaslUsers, scramFormatArgs } from './security-listeners.js';

const node: NodePorts = { id: 1, port: 20001, controllerPort: 20002, saslPort: 20003, sslPort: 20004 };
const sasl = { users: { alice: 'a-pw', bob: 'b-pw' } };
const tls = { certificateChain: '-----BEGIN CERTIFICATE-----\nC\n-----END CERTIFICATE-----\n', privateKey: '-----BEGIN PRIVATE KEY-----\nK\n-----END PRIVATE KEY-----\n' };

describe('kafka-embedded > security listeners', () => {
  it('adds SASL_PLAINTEXT and SSL client listeners and keeps PLAINTEXT for brokers and controllers', () => {
    const c = brokerConfig({ node, nodes: [node], dataDir: '/d', line: 4, security: { sasl, tls } });
    expect(c.listeners).toBe('PLAINTEXT://127.0.0.1:20001,CONTROLLER://127.0.0.1:20002,SASL_PLAINTEXT://127.0.0.1:20003,SSL://127.0.0.1:20004');
    expect(c['advertised.listeners']).toBe('PLAINTEXT://127.0.0.1:20001,SASL_PLAINTEXT://127.0.0.1:20003,SSL://127.0.0.1:20004');
    expect(c['listener.security.protocol.map']).toBe('CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT,SASL_PLAINTEXT:SASL_PLAINTEXT,SSL:SSL');
    expect(c['inter.broker.listener.name']).toBe('PLAINTEXT');
    expect(c['listener.name.sasl_plaintext.sasl.enabled.mechanisms']).toBe('PLAIN,SCRAM-SHA-256,SCRAM-SHA-512');
    expect(c['listener.name.sasl_plaintext.plain.sasl.jaas.config']).toBe(
      'org.apache.kafka.common.security.plain.PlainLoginModule required user_alice="a-pw" user_bob="b-pw";',
    );
    expect(c['listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config']).toMatch(/ScramLoginModule required;$/);
    expect(c['listener.name.ssl.ssl.keystore.type']).toBe('PEM');
    // The PEM survives the properties file's escaping.
    const parsed = parse(renderBrokerConfig({ node, nodes: [node], dataDir: '/d', line: 4, security: { sasl, tls } })) as Record<string, string>;
    expect(parsed['listener.name.ssl.ssl.keystore.key']).toBe(tls.privateKey);
    expect(parsed['listener.name.ssl.ssl.keystore.certificate.chain']).toBe(tls.certificateChain);
  });

  it('changes nothing without sasl or tls', () => {
    const plain: NodePorts = { id: 1, port: 20001, controllerPort: 20002 };
    expect(brokerConfig({ node: plain, nodes: [plain], dataDir: '/d', line: 4, security: {} })).toEqual(brokerConfig({ node: plain, nodes: [plain], dataDir: '/d', line: 4 }));
    expect(Object.keys(brokerConfig({ node: plain, nodes: [plain], dataDir: '/d', line: 4 })).filter((k) => k.startsWith('listener.name.'))).toEqual([]);
  });

  it('creates SCRAM credentials for every user and both mechanisms at format time', () => {
    expect(scramFormatArgs(undefined)).toEqual([]);
    expect(scramFormatArgs({ users: { alice: 'a-pw' } })).toEqual([
      '--add-scram', 'SCRAM-SHA-256=[name=alice,password=a-pw]',
      '--add-scram', 'SCRAM-SHA-512=[name=alice,password=a-pw]',
    ]);
  });

  it('refuses users it cannot write, naming the user and never the password', () => {
    expect(() => checkSaslUsers({ users: {} })).toThrow(/at least one user/);
    expect(() => checkSaslUsers({ users: { 'al ice': 'pw' } })).toThrow(/user name "al ice"/);
    for (const bad of ['has space', 'quo"te', 'com,ma', 'eq=ual', '']) {
      let message = '';
      try {
        checkSaslUsers({ users: { alice: bad } });
      } catch (err) {
        message = (err as Error).message;
      }
      expect(message).toMatch(/sasl\.users\.alice: the password must be/);
      if (bad !== '') expect(message).not.toContain(bad);
    }
  });
});
