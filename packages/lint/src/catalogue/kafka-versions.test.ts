import { describe, expect, it } from 'vitest';
import { isEoskitError } from '@eoskit/core';
import { DEFAULT_KAFKA_VERSION, KAFKA_VERSIONS, resolveVersion } from './kafka-versions.js';

describe('catalogue > versions', () => {
  it('maps a version to the newest catalogued release of its major.minor or below', () => {
    expect(resolveVersion('3.9')).toBe('3.9.2');
    expect(resolveVersion('3.9.0')).toBe('3.9.2');
    expect(resolveVersion('3.7.1')).toBe('3.6.2');
    expect(resolveVersion('4.1')).toBe('4.0.2');
    expect(resolveVersion('v2.8.0')).toBe('2.8.2');
    expect(resolveVersion('3.0.0-SNAPSHOT')).toBe('3.0.2');
    expect(resolveVersion('9.0')).toBe('4.4.0');
    for (const v of KAFKA_VERSIONS) expect(resolveVersion(v)).toBe(v);
    expect(resolveVersion(DEFAULT_KAFKA_VERSION)).toBe('4.4.0');
  });

  it('rejects nonsense and too-old versions with a typed, readable error', () => {
    for (const bad of ['', 'latest', '3', '3.x', '1.2.3.4', '99999.1']) {
      try {
        resolveVersion(bad);
        expect.unreachable(`accepted ${bad}`);
      } catch (err) {
        expect(isEoskitError(err, 'CONFIG_INVALID')).toBe(true);
        expect((err as Error).message).toMatch(/not a Kafka version/);
      }
    }
    expect(() => resolveVersion('2.5')).toThrow(/older than the oldest catalogued version \(2\.8\.2\)/);
  });
});
