import { describe, expect, it } from 'vitest';
import type { KeySpec } from '../model.js';
import { checkValue } from './check-value.js';
import { keySpec } from './key-spec.js';

const spec = (role: Parameters<typeof keySpec>[0], key: string, dialect: Parameters<typeof keySpec>[1] = 'java'): KeySpec => {
  const s = keySpec(role, dialect, key);
  if (s === undefined) throw new Error(`no spec for ${key}`);
  return s;
};

describe('catalogue > checkValue', () => {
  it('rejects enum typos with a suggestion', () => {
    expect(checkValue(spec('producer', 'acks'), 'al')).toBe('"al" is not a valid value; expected one of all, -1, 0, 1 (did you mean "all"?)');
    expect(checkValue(spec('producer', 'acks'), 'all')).toBeUndefined();
    expect(checkValue(spec('producer', 'acks'), ' all ')).toBeUndefined();
    expect(checkValue(spec('producer', 'acks'), 'ALL')).toMatch(/not a valid value/);
    expect(checkValue(spec('streams', 'processing.guarantee'), 'exactly_once')).toMatch(/expected one of at_least_once, exactly_once_v2/);
  });

  it('checks integers: empty, malformed, type range and Range validator', () => {
    const inflight = spec('producer', 'max.in.flight.requests.per.connection');
    expect(checkValue(inflight, '')).toBe('empty value; expected an integer');
    expect(checkValue(inflight, '5x')).toBe('"5x" is not an integer');
    expect(checkValue(inflight, '0')).toBe('"0" is below the minimum 1');
    expect(checkValue(inflight, '99999999999')).toMatch(/out of range for a int/);
    expect(checkValue(inflight, '5')).toBeUndefined();
    expect(checkValue(spec('producer', 'retries'), '-1')).toBe('"-1" is below the minimum 0');
  });

  it('checks booleans, lists and case-insensitive enums', () => {
    expect(checkValue(spec('producer', 'enable.idempotence'), 'TRUE')).toBeUndefined();
    expect(checkValue(spec('producer', 'enable.idempotence'), 'yes')).toMatch(/not a boolean/);
    expect(checkValue(spec('broker', 'process.roles'), 'broker,controler')).toMatch(/"controler" is not a valid value.*did you mean "controller"/);
    expect(checkValue(spec('flink', 'sink.delivery-guarantee', 'flink'), 'EXACTLY-ONCE')).toBeUndefined();
    expect(checkValue(spec('flink', 'sink.delivery-guarantee', 'flink'), 'exactly_once')).toMatch(/did you mean "exactly-once"/);
  });

  it('accepts librdkafka acks=all and explains bad durations', () => {
    expect(checkValue(spec('producer', 'acks', 'librdkafka'), 'all')).toBeUndefined();
    expect(checkValue(spec('producer', 'acks', 'librdkafka'), '-2')).toMatch(/below the minimum -1/);
    expect(checkValue(spec('flink', 'execution.checkpointing.interval', 'flink'), '10 parsecs')).toMatch(/not a duration/);
  });

  it('never repeats a password value', () => {
    const password: KeySpec = { key: 'ssl.key.password', type: 'password', default: null, validValues: ['x'] };
    expect(checkValue(password, 'hunter2')).not.toContain('hunter2');
  });
});
