import { describe, expect, it } from 'vitest';
import { EoskitError } from '../../errors.js';
import type { EosAdmin } from '../types.js';
import { createConfluentAdmin } from './confluent-admin.js';
import type { CfAdmin } from './confluent-types.js';

/** An admin whose offsets stay unknown (-1) for the first `unknownFor` answers, as librdkafka's right after createTopics. */
function fakeAdmin(unknownFor: number) {
  let asked = 0;
  const admin = {
    fetchTopicOffsets: async () => {
      asked += 1;
      const known = asked > unknownFor;
      return [1, 0].map((partition) => ({ partition, offset: known ? '5' : '-1', high: known ? '5' : '-1', low: known || partition === 0 ? '0' : '-1' }));
    },
  } as unknown as CfAdmin;
  return { admin, asked: () => asked };
}

describe('core > client > confluent > admin', () => {
  it('asks again while partition offsets are unknown (-1)', async () => {
    const { admin, asked } = fakeAdmin(3);
    const offsets = await createConfluentAdmin(admin, {} as EosAdmin).partitionOffsets('t');
    expect(offsets).toEqual([
      { topic: 't', partition: 0, low: 0, high: 5 },
      { topic: 't', partition: 1, low: 0, high: 5 },
    ]);
    expect(asked()).toBe(4);
  });

  it('fails with a retriable TIMEOUT naming the partitions when offsets stay unknown', async () => {
    const { admin } = fakeAdmin(Number.POSITIVE_INFINITY);
    const err = await createConfluentAdmin(admin, {} as EosAdmin, 300)
      .partitionOffsets('t')
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(EoskitError);
    expect((err as EoskitError).code).toBe('TIMEOUT');
    expect((err as EoskitError).retriable).toBe(true);
    expect((err as EoskitError).message).toContain('partition(s) 0, 1');
  });
});
