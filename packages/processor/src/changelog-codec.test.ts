import { describe, expect, it } from 'vitest';
import { decodeChangelog, dedupRecord, stateRecord } from './changelog-codec.js';

const tp = { topic: 'orders', partition: 2 };

describe('processor > changelog codec', () => {
  it('round-trips state values and tombstones into the input partition', () => {
    const put = stateRecord('app-changelog', tp, 'k"1', '{"n":3}');
    expect(put.partition).toBe(2);
    expect(decodeChangelog(put.key, put.value)).toEqual({ kind: 'state', tp, key: 'k"1', value: '{"n":3}' });
    const del = stateRecord('app-changelog', tp, 'k"1', null);
    expect(decodeChangelog(del.key, del.value)).toEqual({ kind: 'state', tp, key: 'k"1', value: null });
  });

  it('keeps dedup watermarks apart from any state key, even an empty one', () => {
    const dedup = dedupRecord('c', tp, '{"v":1,"writers":[]}');
    expect(decodeChangelog(dedup.key, dedup.value)).toEqual({ kind: 'dedup', tp, snapshot: '{"v":1,"writers":[]}' });
    const empty = stateRecord('c', tp, '', '1');
    expect(decodeChangelog(empty.key, empty.value)).toMatchObject({ kind: 'state', key: '' });
  });

  it('ignores records it did not write', () => {
    expect(decodeChangelog(null, Buffer.from('x'))).toBeNull();
    expect(decodeChangelog(Buffer.from('plain'), null)).toBeNull();
    expect(decodeChangelog(Buffer.from('["t","1","k"]'), null)).toBeNull();
    expect(decodeChangelog(Buffer.from('["t",1,2]'), null)).toBeNull();
  });
});
