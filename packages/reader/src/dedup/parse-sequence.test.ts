import { decodeSequence } from '@eoskit/core';
import { describe, expect, it } from 'vitest';
import { parseSequence } from './parse-sequence.js';

const outcome = (f: (b: Buffer) => number, text: string): string => {
  try {
    return `ok ${f(Buffer.from(text, 'latin1'))}`;
  } catch (err) {
    return `error ${(err as Error).message}`;
  }
};

describe('reader > dedup > parse sequence', () => {
  it('agrees with the core codec on valid and invalid values', () => {
    const cases = ['0', '7', '10', '1234567890', '9007199254740991', '9007199254740992', '9999999999999999', '99999999999999999', '', '00', '01', '-1', '+1', '1.0', '1e3', ' 1', '1 ', 'abc', '١٢'];
    for (let i = 0; i < 200; i++) cases.push(String(Math.floor(Math.random() * 2 ** 53)));
    for (const text of cases) expect(outcome(parseSequence, text), text).toBe(outcome(decodeSequence, text));
  });
});
