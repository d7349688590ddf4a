import { describe, expect, it } from 'vitest';
import { EoskitError } from '../errors.js';
import type { OutgoingRecord } from './types.js';
import { checkRecords, toConsumedRecord, toHeaders } from './records.js';

function problem(records: unknown): string {
  try {
    checkRecords(records as OutgoingRecord[]);
  } catch (err) {
    if (err instanceof EoskitError && err.code === 'CONFIG_INVALID') return err.message;
    throw err;
  }
  return 'ok';
}

describe('core > client > records', () => {
  it('accepts well-formed records', () => {
    expect(problem([{ topic: 't', key: null, value: Buffer.from('v'), headers: { h: Buffer.from('x') } }])).toBe('ok');
  });

  it('names the first malformed record and field', () => {
    const ok = { topic: 't', key: null, value: null };
    expect(problem([ok, { ...ok, value: 'text' }])).toBe('record 1: value must be a Buffer or null');
    expect(problem([{ ...ok, topic: '' }])).toMatch(/record 0: topic/);
    expect(problem([{ ...ok, partition: -1 }])).toMatch(/partition must be a non-negative integer/);
    expect(problem([{ ...ok, timestamp: 1.5 }])).toMatch(/timestamp/);
    expect(problem([{ ...ok, headers: { h: 'x' } }])).toBe('record 0: header "h" must be a Buffer');
  });

  it('keeps the last value of a repeated header and skips empty ones', () => {
    expect(toHeaders({ a: [Buffer.from('1'), 'two'], b: undefined, c: 'x' })).toEqual({
      a: Buffer.from('two'),
      c: Buffer.from('x'),
    });
  });

  it('converts offsets and timestamps to numbers', () => {
    const record = toConsumedRecord('t', 2, { key: 'k', value: null, offset: '17', timestamp: '1700000000000' });
    expect(record).toEqual({ topic: 't', partition: 2, offset: 17, key: Buffer.from('k'), value: null, headers: {}, timestamp: 1700000000000 });
  });
});
