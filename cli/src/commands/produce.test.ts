import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../eoskit.js';
import { produceRecord } from './produce.js';

describe('cli > produce', () => {
  it('makes record n with key k<n mod K> and a JSON value padded to about --value-size', () => {
    const r = produceRecord('w1', 1234, 1000, 200);
    expect(r).toMatchObject({ key: 'k234', sequence: 1234 });
    const value = JSON.parse(r.value as string) as { writer: string; seq: number; pad: string };
    expect(value).toMatchObject({ writer: 'w1', seq: 1234 });
    expect(Buffer.byteLength(r.value as string)).toBe(200);
    // Too small a size keeps the value valid JSON, just unpadded.
    expect(JSON.parse(produceRecord('w1', 5, 10, 1).value as string)).toEqual({ writer: 'w1', seq: 5, pad: '' });
  });

  describe('usage errors exit 2 with one line, before touching Kafka', () => {
    let stderr: string;
    beforeEach(() => {
      stderr = '';
      vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => {
        stderr += String(chunk);
        return true;
      });
    });
    afterEach(() => vi.restoreAllMocks());

    const base = ['produce', '--bootstrap', '127.0.0.1:1', '--topic', 't', '--writer-id', 'w', '--count', '10'];
    it.each([
      [['produce', '--topic', 't', '--writer-id', 'w', '--count', '1'], /required option '--bootstrap/],
      [[...base.slice(0, 8), '--count', '-1'], /--count.*expected a whole number/],
      [[...base, '--mode', 'fast'], /--mode.*Allowed choices are idempotent, transactional/],
      [[...base, '--keys', '0'], /--keys.*expected a whole number >= 1/],
      [[...base.slice(0, 5), '--writer-id', 'a\tb', '--count', '1'], /writer id contains a control character/],
      [['produce', '--bootstrap', 'nohost', '--topic', 't', '--writer-id', 'w', '--count', '1'], /expected host:port/],
    ])('%j', async (argv, message) => {
      expect(await main(argv)).toBe(2);
      expect(stderr).toMatch(message);
      expect(stderr.trim().split('\n')).toHaveLength(1);
    });
  });

});
