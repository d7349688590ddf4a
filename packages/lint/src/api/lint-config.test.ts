import { describe, expect, it } from 'vitest';
import { lintConfig } from './lint-config.js';

const errors = (findings: ReturnType<typeof lintConfig>) => findings.filter((f) => f.severity === 'error').map((f) => f.ruleId);

describe('lint > lintConfig', () => {
  it('accepts a safe transactional producer', () => {
    const findings = lintConfig({
      role: 'producer',
      config: { 'enable.idempotence': true, acks: 'all', 'transactional.id': 'orders-0', 'transaction.timeout.ms': 60000, 'max.in.flight.requests.per.connection': 5 },
    });
    expect(findings).toEqual([]);
  });

  it('catches idempotence silently disabled by a conflicting setting (KAFKA-13673)', () => {
    expect(errors(lintConfig({ role: 'producer', config: { 'max.in.flight.requests.per.connection': 10 } }))).toEqual([
      'producer-idempotence-silently-disabled',
      'producer-max-in-flight-too-high',
    ]);
  });

  it('uses the defaults of the Kafka version in play', () => {
    expect(errors(lintConfig({ role: 'producer', config: {}, kafkaVersion: '2.8' }))).toEqual(['producer-acks-not-all', 'producer-idempotence-disabled']);
    expect(errors(lintConfig({ role: 'producer', config: {}, kafkaVersion: '3.9' }))).toEqual([]);
  });

  it('assumes the stock broker max (warning) unless the broker config is given (error)', () => {
    const config = { 'transactional.id': 't', 'transaction.timeout.ms': 1_200_000 };
    const alone = lintConfig({ role: 'producer', config });
    expect(alone.map((f) => [f.ruleId, f.severity])).toEqual([['producer-transaction-timeout-exceeds-broker-max', 'warning']]);
    expect(alone[0]?.assumption).toContain('transaction.max.timeout.ms=900000');
    const withBroker = lintConfig({ role: 'producer', config, context: { broker: { 'transaction.max.timeout.ms': 900000 } } });
    expect(withBroker.map((f) => [f.ruleId, f.severity])).toEqual([['producer-transaction-timeout-exceeds-broker-max', 'error']]);
    expect(withBroker[0]?.related[0]).toMatchObject({ file: '<broker>', key: 'transaction.max.timeout.ms', value: '900000' });
  });

  it('reads kafkajs defaults for kafkajs configs', () => {
    expect(errors(lintConfig({ role: 'producer', dialect: 'kafkajs', config: { 'enable.idempotence': true } }))).toEqual(['kafkajs-max-in-flight-not-one']);
    expect(errors(lintConfig({ role: 'consumer', dialect: 'kafkajs', config: { 'enable.auto.commit': false }, context: { upstreamTransactional: true } }))).toEqual([]);
  });

  it('reads kafkajs option objects as kafkajs spells them', () => {
    const findings = lintConfig({ role: 'producer', dialect: 'kafkajs', config: { idempotent: true, transactionalId: 'orders-0', retry: { retries: 0 } } });
    expect(findings.filter((f) => f.severity === 'error').map((f) => [f.ruleId, f.key])).toEqual(
      expect.arrayContaining([
        ['kafkajs-max-in-flight-not-one', 'maxInFlightRequests'],
        ['producer-retries-zero', 'retry.retries'],
      ]),
    );
    expect(lintConfig({ role: 'producer', dialect: 'kafkajs', config: { idempotent: true, maxInFlightRequests: 1, transactionalId: 'orders-0' } })).toEqual([]);
    expect(lintConfig({ role: 'consumer', dialect: 'kafkajs', config: { groupId: 'g', readUncommitted: true }, context: { upstreamTransactional: true } }).map((f) => f.ruleId)).toContain('consumer-read-uncommitted');
  });

  it('flags a read_uncommitted consumer fed by a transactional producer as an error', () => {
    const findings = lintConfig({ role: 'consumer', config: { 'enable.auto.commit': false, 'auto.offset.reset': 'earliest' }, context: { upstreamTransactional: true } });
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['consumer-read-uncommitted', 'error']]);
    expect(findings[0]).toMatchObject({ recommended: 'read_committed', rationale: { failureMode: 'duplicates' }, docsUrl: expect.stringMatching(/consumer-read-uncommitted\.md$/) });
  });

  it('reports invalid values with the key', () => {
    expect(lintConfig({ role: 'producer', config: { acks: 'al', 'enable.idempotence': true } })).toContainEqual(
      expect.objectContaining({ ruleId: 'invalid-value', key: 'acks', severity: 'error' }),
    );
  });

  it('lets rules be switched off or re-levelled by id or catalogue code', () => {
    const findings = lintConfig({ role: 'producer', config: { acks: '1', 'enable.idempotence': false }, rules: { P2: 'off', 'producer-idempotence-disabled': 'warning' } });
    expect(findings.map((f) => [f.ruleId, f.severity])).toEqual([['producer-idempotence-disabled', 'warning']]);
  });

  it('never returns a secret value', () => {
    const findings = lintConfig({ role: 'producer', config: { 'ssl.key.pasword': 'hunter2' } });
    expect(JSON.stringify(findings)).not.toContain('hunter2');
  });

  it('refuses an unknown Kafka version with CONFIG_INVALID', () => {
    expect(() => lintConfig({ role: 'producer', config: {}, kafkaVersion: 'latest' })).toThrow(expect.objectContaining({ code: 'CONFIG_INVALID' }));
  });
});
