import { describe, expect, it } from 'vitest';
import { EoskitError } from '@eoskit/core';
import type { EosAdmin, KafkaClient } from '@eoskit/core';
import { AdminHandle } from './admin-handle.js';

/** A client whose admins count connects and disconnects (no broker needed: this is bookkeeping). */
function countingClient(): { client: KafkaClient; open: () => number } {
  let open = 0;
  const admin = (): EosAdmin =>
    ({
      connect: async () => void (open += 1),
      disconnect: async () => void (open -= 1),
      brokers: async () => [1],
    }) as unknown as EosAdmin;
  return { client: { admin } as unknown as KafkaClient, open: () => open };
}

describe('processor > admin handle', () => {
  it('opens one admin client, closes it, and opens none after close', async () => {
    const { client, open } = countingClient();
    const handle = new AdminHandle(client);
    expect(await handle.call('brokers', 1000, (a) => a.brokers())).toEqual([1]);
    expect(open()).toBe(1);
    await handle.close();
    expect(open()).toBe(0);
    const late = await handle.call('brokers', 1000, (a) => a.brokers()).catch((e: unknown) => e);
    expect(late).toBeInstanceOf(EoskitError);
    expect((late as EoskitError).code).toBe('CLOSED');
    expect(open()).toBe(0);
  });
});
