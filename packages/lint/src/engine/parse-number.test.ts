import { describe, expect, it } from 'vitest';
import { parseDurationMs, parseNumber } from './parse-number.js';
import { satisfiesRange } from './kafka-version.js';

describe('engine > numbers and versions', () => {
  it('reads Kafka numbers and refuses anything else', () => {
    expect(parseNumber('60000')).toBe(60000);
    expect(parseNumber(' -1 ')).toBe(-1);
    for (const bad of ['', '1e3', '0x10', 'ten', null]) expect(parseNumber(bad)).toBeNull();
  });

  it('reads Flink durations in ms', () => {
    expect(parseDurationMs('30 s')).toBe(30_000);
    expect(parseDurationMs('10min')).toBe(600_000);
    expect(parseDurationMs('PT10M')).toBe(600_000);
    expect(parseDurationMs('1 h')).toBe(3_600_000);
    expect(parseDurationMs('500')).toBe(500);
    expect(parseDurationMs('soon')).toBeNull();
  });

  it('matches Kafka version ranges', () => {
    expect(satisfiesRange('3.2', '>=3.0')).toBe(true);
    expect(satisfiesRange('2.8.2', '>=3.0')).toBe(false);
    expect(satisfiesRange('3.9.2', '>=3.2 <4.0')).toBe(true);
    expect(satisfiesRange('4.0.0', '>=3.2 <4.0')).toBe(false);
    expect(satisfiesRange('4.4.0-SNAPSHOT', '4.4')).toBe(true);
  });
});
