import { describe, expect, it } from 'vitest';
import { toOutgoing } from './outputs.js';

describe('processor > outputs', () => {
  it('accepts nothing, one output or several, encoding strings as UTF-8', () => {
    expect(toOutgoing(undefined)).toEqual([]);
    expect(toOutgoing({ topic: 't', key: 'k', value: 'é', headers: { h: 'v' } })).toEqual([
      { topic: 't', key: Buffer.from('k'), value: Buffer.from('é'), headers: { h: Buffer.from('v') } },
    ]);
    expect(toOutgoing([{ topic: 'a', value: null, partition: 2 }, { topic: 'b', key: null, value: Buffer.from([1]) }])).toEqual([
      { topic: 'a', key: null, value: null, partition: 2 },
      { topic: 'b', key: null, value: Buffer.from([1]) },
    ]);
  });

  it('refuses an output without a topic', () => {
    expect(() => toOutgoing([{ topic: 't', value: 'x' }, { value: 'y' } as never])).toThrow(/output 1 has no topic/);
  });
});
