import { describe, expect, it } from 'vitest';
import { KeyedStateStore } from './keyed-state-store.js';

describe('processor > keyed state', () => {
  it('shows open changes, commits them, and rolls back to the committed values', () => {
    const s = new KeyedStateStore();
    s.put('a', 1);
    expect(s.get('a')).toBe(1);
    s.commit();
    s.put('a', 2);
    s.put('b', { n: [1, 2] });
    s.delete('a');
    expect(s.get('a')).toBeUndefined();
    expect(s.changes()).toEqual([['a', null], ['b', '{"n":[1,2]}']]);
    s.rollback();
    expect(s.get('a')).toBe(1);
    expect(s.get('b')).toBeUndefined();
    expect(s.dirty).toBe(false);
  });

  it('stores copies: mutating a value after put or get changes nothing', () => {
    const s = new KeyedStateStore();
    const v = { list: [1] };
    s.put('k', v);
    v.list.push(2);
    const got = s.get<{ list: number[] }>('k');
    got?.list.push(3);
    expect(s.get('k')).toEqual({ list: [1] });
  });

  it('refuses values JSON cannot hold', () => {
    const s = new KeyedStateStore();
    expect(() => s.put('k', undefined as never)).toThrow(/not JSON/);
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    expect(() => s.put('k', cyclic as never)).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });
});
