import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { isEoskitError } from '../errors.js';
import {
  MAX_SEQUENCE,
  decodeWriterHeaders,
  encodeWriterHeaders,
  writerIdProblem,
  type WriterStamp,
} from './writer-headers.js';

const h = (o: Record<string, string | Buffer>) =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, typeof v === 'string' ? Buffer.from(v, 'utf8') : v]));

function decodeError(headers: Record<string, string | Buffer>): string {
  try {
    decodeWriterHeaders(h(headers));
  } catch (err) {
    if (isEoskitError(err, 'HEADER_INVALID')) return err.message;
    throw err;
  }
  throw new Error('expected HEADER_INVALID');
}

describe('core > headers > codec', () => {
  it('round-trips writer ids and sequences, including the bounds', () => {
    const stamps: WriterStamp[] = [
      { writerId: 'orders', sequence: 0 },
      { writerId: 'outbox/été-✓', sequence: 41873 },
      { writerId: 'w'.repeat(255), sequence: MAX_SEQUENCE },
    ];
    for (const stamp of stamps) expect(decodeWriterHeaders(encodeWriterHeaders(stamp))).toEqual(stamp);
  });

  it('writes plain text a console consumer can read', () => {
    const headers = encodeWriterHeaders({ writerId: 'orders', sequence: 1234567890123 });
    expect(headers['eoskit.writer']?.toString()).toBe('orders');
    expect(headers['eoskit.seq']?.toString()).toBe('1234567890123');
    expect(Object.keys(headers)).toEqual(['eoskit.writer', 'eoskit.seq']);
  });

  it('treats records without eoskit headers as not from a writer', () => {
    expect(decodeWriterHeaders({})).toBeNull();
    expect(decodeWriterHeaders(h({ traceparent: 'x', 'eoskit.other': 'y' }))).toBeNull();
  });

  it('ignores unrelated headers and accepts an explicit version 1', () => {
    expect(decodeWriterHeaders(h({ 'eoskit.writer': 'a', 'eoskit.seq': '7', 'eoskit.v': '1', x: 'y' }))).toEqual({
      writerId: 'a',
      sequence: 7,
    });
  });

  it.each([
    [{ 'eoskit.seq': '1' }, 'eoskit.seq is present without eoskit.writer'],
    [{ 'eoskit.writer': 'a' }, 'eoskit.writer is present without eoskit.seq'],
    [{ 'eoskit.writer': 'a', 'eoskit.seq': '-1' }, 'not a decimal integer'],
    [{ 'eoskit.writer': 'a', 'eoskit.seq': '007' }, 'not a decimal integer'],
    [{ 'eoskit.writer': 'a', 'eoskit.seq': '1.5' }, 'not a decimal integer'],
    [{ 'eoskit.writer': 'a', 'eoskit.seq': ' 1' }, 'not a decimal integer'],
    [{ 'eoskit.writer': 'a', 'eoskit.seq': '' }, 'not a decimal integer'],
    [{ 'eoskit.writer': 'a', 'eoskit.seq': '9007199254740992' }, 'is above 9007199254740991'],
    [{ 'eoskit.writer': 'a', 'eoskit.seq': Buffer.from([0, 0, 0, 1]) }, '"\\x00\\x00\\x00\\x01"'],
    [{ 'eoskit.writer': '', 'eoskit.seq': '1' }, 'eoskit.writer is empty'],
    [{ 'eoskit.writer': Buffer.from([0xc3, 0x28]), 'eoskit.seq': '1' }, 'not valid UTF-8'],
    [{ 'eoskit.writer': 'a\nb', 'eoskit.seq': '1' }, 'control character'],
    [{ 'eoskit.writer': 'é'.repeat(128), 'eoskit.seq': '1' }, 'longer than 255 UTF-8 bytes'],
    [{ 'eoskit.writer': 'a', 'eoskit.seq': '1', 'eoskit.v': '2' }, 'eoskit.v is "2"'],
  ])('refuses %j as HEADER_INVALID', (headers, message) => {
    expect(decodeError(headers)).toContain(message);
  });

  it('refuses to encode what it would refuse to decode', () => {
    expect(() => encodeWriterHeaders({ writerId: 'a', sequence: -1 })).toThrow(/eoskit.seq must be an integer/);
    expect(() => encodeWriterHeaders({ writerId: 'a', sequence: 1.5 })).toThrow(/eoskit.seq/);
    expect(() => encodeWriterHeaders({ writerId: '', sequence: 1 })).toThrow(/eoskit.writer is empty/);
    expect(writerIdProblem('fine-id')).toBeUndefined();
  });
});

describe('core > headers > schema', () => {
  const schemaUrl = new URL('../../../../schemas/record-headers.schema.json', import.meta.url);
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(JSON.parse(readFileSync(schemaUrl, 'utf8')));
  const asText = (o: Record<string, Buffer>) => Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.toString()]));

  it('accepts what the codec writes and its own examples', () => {
    expect(validate(asText(encodeWriterHeaders({ writerId: 'orders', sequence: 0 })))).toBe(true);
    expect(validate(asText(encodeWriterHeaders({ writerId: 'x', sequence: MAX_SEQUENCE })))).toBe(true);
    expect(validate({})).toBe(true);
  });

  it.each([
    { 'eoskit.seq': '1' },
    { 'eoskit.writer': 'a' },
    { 'eoskit.writer': 'a', 'eoskit.seq': '01' },
    { 'eoskit.writer': 'a\u0001', 'eoskit.seq': '1' },
    { 'eoskit.writer': 'a', 'eoskit.seq': '1', 'eoskit.v': '2' },
  ] as Array<Record<string, string>>)('rejects %j like the codec does', (headers) => {
    expect(validate(headers)).toBe(false);
    expect(() => decodeWriterHeaders(h(headers))).toThrow();
  });
});
