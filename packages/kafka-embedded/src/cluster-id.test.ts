import { describe, expect, it } from 'vitest';
import { randomClusterId } from './cluster-id.js';

describe('kafka-embedded > cluster id', () => {
  it('is 22 characters of unpadded base64url, like Kafka Uuid', () => {
    for (let i = 0; i < 200; i++) expect(randomClusterId()).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{21}$/);
  });

  it('skips ids that start with "-" and the reserved zero ids', () => {
    const draws = [
      Buffer.alloc(16), // all zero: reserved
      Buffer.from([...Array(15).fill(0), 1]), // metadata topic id: reserved
      Buffer.from([0xfb, ...Array(15).fill(7)]), // base64url "-..." : reads as a flag
      Buffer.from(Array(16).fill(7)),
    ];
    const id = randomClusterId(() => draws.shift() as Buffer);
    expect(id).toBe(Buffer.from(Array(16).fill(7)).toString('base64url'));
    expect(draws).toHaveLength(0);
  });
});
