import { describe, expect, it } from 'vitest';
import { isEoskitError } from '../errors.js';
import { partitionKey, positionsFromBaseOffsets, toOffset } from './record-positions.js';

describe('core > client > record positions', () => {
  it('numbers records of each partition from its base offset, in input order', () => {
    const records = [
      { topic: 'a', partition: 0 },
      { topic: 'a', partition: 1 },
      { topic: 'a', partition: 0 },
      { topic: 'b', partition: 0 },
      { topic: 'a', partition: 0 },
      { topic: 'a', partition: 1 },
    ];
    const bases = new Map([
      [partitionKey({ topic: 'a', partition: 0 }), 10],
      [partitionKey({ topic: 'a', partition: 1 }), 0],
      [partitionKey({ topic: 'b', partition: 0 }), 7],
    ]);
    expect(positionsFromBaseOffsets(records, bases).map((p) => p.offset)).toEqual([10, 0, 11, 7, 12, 1]);
  });

  it('fails clearly when a partition has no base offset', () => {
    expect(() => positionsFromBaseOffsets([{ topic: 'a', partition: 3 }], new Map())).toThrow(/a\[3\]/);
  });

  it('parses offsets and refuses what is not a safe integer', () => {
    expect(toOffset('9007199254740991', 'x')).toBe(Number.MAX_SAFE_INTEGER);
    expect(toOffset(42n, 'x')).toBe(42);
    let caught: unknown;
    try {
      toOffset('9007199254740993', 'fetch');
    } catch (err) {
      caught = err;
    }
    expect(isEoskitError(caught, 'KAFKA')).toBe(true);
    expect(() => toOffset(undefined, 'x')).toThrow(/not a safe integer/);
  });

  it('keeps keys of topics with colons apart', () => {
    expect(partitionKey({ topic: 'a:1', partition: 2 })).not.toBe(partitionKey({ topic: 'a', partition: 12 }));
  });
});
