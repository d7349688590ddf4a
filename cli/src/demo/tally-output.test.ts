import { describe, expect, it } from 'vitest';
import { encodeWriterHeaders, type ConsumedRecord } from '@eoskit/core';
import { SequenceDedup } from '@eoskit/reader';
import { demoEventValue } from './demo-event.js';
import { tallyOutput } from './tally-output.js';

let offset = 0;
const rec = (seq: number, partition = 0, stamped = true, value = demoEventValue('eos', seq)): ConsumedRecord => ({
  topic: 't', partition, offset: offset++, key: null, value: Buffer.from(value), timestamp: 0,
  headers: stamped ? encodeWriterHeaders({ writerId: 'demo', sequence: seq }) : {},
});

describe('demo > tally output', () => {
  it('counts unique events, duplicates and missing ones without dedup', () => {
    const t = tallyOutput([rec(0), rec(1), rec(1), rec(3), rec(1)], { count: 5 });
    expect(t).toEqual({ processed: 5, readUnique: 3, duplicates: 2, missing: 2, droppedByReader: 0, unexpected: 0 });
  });

  it('drops a writer\'s repeats per partition with the reader\'s sequence dedup', () => {
    const records = [rec(0, 0), rec(1, 1), rec(2, 0), rec(2, 0), rec(1, 1), rec(3, 1)];
    const t = tallyOutput(records, { count: 4, dedup: () => new SequenceDedup() });
    expect(t).toEqual({ processed: 6, readUnique: 4, duplicates: 0, missing: 0, droppedByReader: 2, unexpected: 0 });
  });

  it('passes records without writer headers through the dedup, so their repeats count', () => {
    const t = tallyOutput([rec(0, 0, false), rec(0, 0, false)], { count: 1, dedup: () => new SequenceDedup() });
    expect(t).toMatchObject({ readUnique: 1, duplicates: 1, droppedByReader: 0 });
  });

  it('counts records that are not events of the run as unexpected', () => {
    const t = tallyOutput([rec(0), rec(7), rec(1, 0, false, 'not json'), rec(1, 0, false, '{"seq":-1}')], { count: 2 });
    expect(t).toEqual({ processed: 4, readUnique: 1, duplicates: 0, missing: 1, droppedByReader: 0, unexpected: 3 });
  });
});
