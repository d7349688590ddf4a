import type { ConsumedRecord } from '@eoskit/core';
import { describe, expect, it } from 'vitest';
import { KeyDedup } from './key-dedup.js';

let nextOffset = 0;
function keyed(key: string | null, timestamp = 0, headers: Record<string, Buffer> = {}): ConsumedRecord {
  return {
    topic: 't',
    partition: 0,
    offset: nextOffset++,
    key: key === null ? null : Buffer.from(key),
    value: null,
    headers,
    timestamp,
  };
}

describe('reader > dedup > key', () => {
  it('drops a key repeated within the count window and forgets it after', () => {
    const d = new KeyDedup({ windowCount: 3 });
    expect(d.check(keyed('a'))).toBe('new');
    expect(d.check(keyed('b'))).toBe('new');
    expect(d.check(keyed('a'))).toBe('duplicate');
    expect(d.check(keyed('c'))).toBe('new');
    expect(d.check(keyed('d'))).toBe('new');
    expect(d.check(keyed('e'))).toBe('new');
    // window is now c, d, e: a is forgotten
    expect(d.check(keyed('a'))).toBe('new');
    expect(d.size).toBeLessThanOrEqual(3);
  });

  it('drops a key only within the time window of its latest occurrence', () => {
    const d = new KeyDedup({ windowCount: 100, windowMs: 1000 });
    expect(d.check(keyed('a', 10_000))).toBe('new');
    expect(d.check(keyed('a', 10_900))).toBe('duplicate');
    expect(d.check(keyed('a', 11_800))).toBe('duplicate'); // 900 ms after the previous one
    expect(d.check(keyed('a', 13_000))).toBe('new');
  });

  it('reads the key from a header when configured and passes records without one', () => {
    const d = new KeyDedup({ header: 'idem' });
    expect(d.check(keyed('x', 0, { idem: Buffer.from('k1') }))).toBe('new');
    expect(d.check(keyed('y', 0, { idem: Buffer.from('k1') }))).toBe('duplicate');
    expect(d.check(keyed('x'))).toBe('unstamped');
    expect(d.check(keyed('x'))).toBe('unstamped');
  });

  it('rebuilds the same decisions from only the last windowCount records', () => {
    const history = ['a', 'b', 'c', 'a', 'd', 'b', 'e', 'f', 'a', 'g'].map((k, i) => keyed(k, i));
    const upcoming = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'].map((k, i) => keyed(k, 100 + i));
    const full = new KeyDedup({ windowCount: 4 });
    history.forEach((r) => full.check(r));
    const rebuilt = new KeyDedup({ windowCount: 4 });
    history.slice(-4).forEach((r) => rebuilt.check(r));
    expect(upcoming.map((r) => rebuilt.check(r))).toEqual(upcoming.map((r) => full.check(r)));
  });

  it('never saves state (it is rebuilt by replay)', () => {
    expect(new KeyDedup().snapshot()).toBeNull();
  });
});
