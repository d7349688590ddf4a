import { describe, expect, it } from 'vitest';
import { durationMs } from './duration.js';

describe('parsers > duration', () => {
  it('reads Flink and Spring durations as milliseconds', () => {
    expect(durationMs('10 s')).toBe('10000');
    expect(durationMs('10s')).toBe('10000');
    expect(durationMs('1 min')).toBe('60000');
    expect(durationMs('1h')).toBe('3600000');
    expect(durationMs('500 ms')).toBe('500');
    expect(durationMs('10000')).toBe('10000');
    expect(durationMs('PT10S')).toBe('10000');
    expect(durationMs('PT1H30M')).toBe('5400000');
    expect(durationMs('P1D')).toBe('86400000');
    expect(durationMs('1500 us')).toBe('1');
  });

  it('refuses what is no duration', () => {
    for (const bad of ['', 'ten seconds', '10 parsecs', '5 constructor', 'PT', 'P', '-1 s', '1.5 s']) expect(durationMs(bad), bad).toBeUndefined();
  });
});
