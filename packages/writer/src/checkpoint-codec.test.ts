import { describe, expect, it } from 'vitest';
import { isEoskitError } from '@eoskit/core';
import { decodeCheckpoint, encodeCheckpoint, type WriterCheckpoint } from './checkpoint-codec.js';

const checkpoint: WriterCheckpoint = {
  writerId: 'orders',
  mode: 'transactional',
  overall: 41,
  at: 1_700_000_000_000,
  partitions: [
    { topic: 't', partition: 0, sequence: 41, offset: 20, scanFrom: 21 },
    { topic: 't', partition: 1, sequence: -1, offset: -1, scanFrom: 0 },
  ],
};

describe('writer > checkpoint codec', () => {
  it('round-trips as readable JSON', () => {
    const value = encodeCheckpoint(checkpoint);
    expect(JSON.parse(value.toString())).toMatchObject({ v: 1, writer: 'orders', mode: 'transactional', overall: 41 });
    expect(decodeCheckpoint(value, 'x')).toEqual(checkpoint);
  });

  it.each([
    [null, 'has no value'],
    ['not json', 'is not JSON'],
    ['[1]', 'is not a JSON object'],
    ['{"v":2}', 'has version 2'],
    ['{"v":1,"writer":"w","mode":"fast","overall":1,"at":0,"partitions":[]}', 'unknown mode'],
    ['{"v":1,"writer":"w","mode":"idempotent","overall":-2,"at":0,"partitions":[]}', 'invalid overall'],
    ['{"v":1,"writer":"w","mode":"idempotent","overall":1,"at":0,"partitions":[{"topic":"t","partition":0,"sequence":1,"offset":1}]}', 'invalid partitions[0]'],
  ])('refuses %j as STATE_INVALID, naming where it is', (raw, message) => {
    const value = raw === null ? null : Buffer.from(raw);
    try {
      decodeCheckpoint(value, 'ckpt[0]@7');
      throw new Error('expected an error');
    } catch (err) {
      expect(isEoskitError(err, 'STATE_INVALID')).toBe(true);
      expect((err as Error).message).toContain('writer checkpoint at ckpt[0]@7');
      expect((err as Error).message).toContain(message);
    }
  });
});
