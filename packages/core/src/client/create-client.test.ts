import { describe, expect, it } from 'vitest';
import { EoskitError } from '../errors.js';
import { createClient } from './create-client.js';
import type { ClientOptions } from './types.js';

async function refusal(options: unknown): Promise<string> {
  try {
    await createClient(options as ClientOptions);
  } catch (err) {
    if (err instanceof EoskitError && err.code === 'CONFIG_INVALID') return err.message;
    throw err;
  }
  return 'accepted';
}

describe('core > client > createClient', () => {
  it('refuses bad options with the key named', async () => {
    expect(await refusal({ client: 'rdkafka', brokers: ['a:1'] })).toMatch(/client option client: must be "kafkajs" or "confluent"/);
    expect(await refusal({ client: 'kafkajs', brokers: [] })).toMatch(/brokers: must list at least one/);
    expect(await refusal({ client: 'kafkajs', brokers: ['localhost'] })).toMatch(/"localhost" is not host:port/);
    expect(await refusal({ client: 'kafkajs', brokers: ['a:1'], logLevel: 'loud' })).toMatch(/logLevel/);
  });

  it('makes clients of both kinds without connecting', async () => {
    for (const kind of ['kafkajs', 'confluent'] as const) {
      const client = await createClient({ client: kind, brokers: ['127.0.0.1:1', '[::1]:9092'] });
      expect(client.kind).toBe(kind);
      await client.close();
    }
  });
});
