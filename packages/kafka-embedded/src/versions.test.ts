import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isEoskitError } from '@eoskit/core';
import { DEFAULT_KAFKA_VERSION, kafkaLine, TESTED_KAFKA_VERSIONS } from './versions.js';

describe('kafka-embedded > versions', () => {
  it('maps 4.x to the log4j2 line and 3.x to the log4j 1 line', () => {
    expect(kafkaLine('4.4.0')).toBe(4);
    expect(kafkaLine('4.0.0')).toBe(4);
    expect(kafkaLine('3.9.2')).toBe(3);
    expect(kafkaLine('3.3.1')).toBe(3);
  });

  it.each(['abc', '4.4', '4.4.0.1', ''])('refuses %j with an EMBEDDED_KAFKA error', (v) => {
    expect(() => kafkaLine(v)).toThrow(/is not a Kafka version/);
    try {
      kafkaLine(v);
    } catch (err) {
      expect(isEoskitError(err, 'EMBEDDED_KAFKA')).toBe(true);
    }
  });

  it('refuses releases without production KRaft', () => {
    expect(() => kafkaLine('3.2.3')).toThrow(/too old/);
    expect(() => kafkaLine('2.8.2')).toThrow(/too old/);
  });

  it('agrees with kafka-versions.json, which CI reads to prefetch jars', () => {
    const file = JSON.parse(readFileSync(new URL('../kafka-versions.json', import.meta.url), 'utf8')) as { default: string; tested: string[] };
    expect(file.default).toBe(DEFAULT_KAFKA_VERSION);
    expect(file.tested).toEqual([...TESTED_KAFKA_VERSIONS]);
    expect(TESTED_KAFKA_VERSIONS).toContain(DEFAULT_KAFKA_VERSION);
  });
});
