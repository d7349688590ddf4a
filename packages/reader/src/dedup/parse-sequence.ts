import { MAX_SEQUENCE, decodeSequence } from '@eoskit/core';

/**
 * Decodes an `eoskit.seq` header value like the core codec's
 * `decodeSequence` (canonical decimal, no sign or leading zero, at most
 * 2^53 - 1) without making a string: it runs for every record. Anything the
 * fast path does not accept goes to the codec, which decides (and throws).
 */
export function parseSequence(value: Buffer): number {
  const n = value.length;
  if (n > 0 && n <= 16 && (value[0] !== 0x30 || n === 1)) {
    let v = 0;
    let i = 0;
    for (; i < n; i++) {
      const digit = value[i]! - 0x30;
      if (digit < 0 || digit > 9) break;
      v = v * 10 + digit;
    }
    if (i === n && v <= MAX_SEQUENCE) return v;
  }
  return decodeSequence(value);
}
