import { describe, expect, it } from 'vitest';
import { clientChoiceProblem, openClientChoice } from './client-choice.js';
import type { KafkaClient } from './types.js';

const shared = { kind: 'kafkajs' } as unknown as KafkaClient;
const sasl = { mechanism: 'plain', username: 'alice', password: 'secret-pw-1' } as const;

describe('clientChoiceProblem', () => {
  it('accepts a kind with brokers, and a shared client on its own', () => {
    expect(clientChoiceProblem({ client: 'kafkajs', brokers: ['127.0.0.1:9092'], sasl, ssl: true })).toBeUndefined();
    expect(clientChoiceProblem({ client: shared })).toBeUndefined();
  });

  it('names an unknown kind and a kind without brokers', () => {
    expect(clientChoiceProblem({ client: 'rdkafka' as never, brokers: ['h:1'] })).toMatch(/client must be kafkajs or confluent, got rdkafka/);
    expect(clientChoiceProblem({ client: 'confluent' })).toMatch(/brokers is required with a client kind: list at least one host:port/);
  });

  it('refuses TLS or SASL settings next to a shared client, which would ignore them, and never shows the password', () => {
    const problem = clientChoiceProblem({ client: shared, sasl, ssl: { ca: 'pem' } });
    expect(problem).toMatch(/^ssl and sasl apply only when client is a client kind/);
    expect(problem).not.toContain('secret-pw-1');
  });
});

describe('openClientChoice', () => {
  it('hands a shared client back without owning it', async () => {
    await expect(openClientChoice({ client: shared }, 'eoskit-test')).resolves.toEqual({ client: shared, owned: false });
  });

  it('fails with CONFIG_INVALID before connecting anything', async () => {
    await expect(openClientChoice({ client: shared, sasl }, 'eoskit-test')).rejects.toMatchObject({ code: 'CONFIG_INVALID' });
  });
});
