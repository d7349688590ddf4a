import { afterEach, describe, expect, it, vi } from 'vitest';
import { sharedBrokers } from '../../../../../test/helpers/kafka.js';
import { createClient } from '../create-client.js';
import type { ClientOptions } from '../types.js';

type Level = NonNullable<ClientOptions['logLevel']>;

describe('core > client > confluent > log levels', () => {
  afterEach(() => vi.restoreAllMocks());

  // The KafkaJS layer numbers its levels unlike kafkajs (INFO 3, DEBUG 4) and refuses others at connect.
  it.each<Level>(['nothing', 'error', 'warn', 'info', 'debug'])('connects and logs at level %s', async (level) => {
    const lines: string[] = [];
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
      lines.push(String(chunk));
      return true;
    });
    const client = await createClient({ client: 'confluent', brokers: sharedBrokers(1), logLevel: level });
    try {
      const admin = client.admin();
      await admin.connect();
      expect(await admin.brokers()).toHaveLength(1);
      await admin.disconnect();
    } finally {
      await client.close();
    }
    vi.restoreAllMocks();
    const infoLines = lines.filter((l) => l.startsWith('[eoskit:confluent] INFO'));
    if (level === 'info' || level === 'debug') expect(infoLines.join('')).toContain('Admin client connected');
    else expect(infoLines).toEqual([]);
  });
});
