import { describe, expect, it } from 'vitest';
import { effectiveConsumerConfig, lintConsumerConfig } from './lint-consumer-config.js';
import type { ReaderOptions } from './reader-types.js';

const base: ReaderOptions = { client: 'kafkajs', brokers: ['127.0.0.1:9092'], groupId: 'g', topics: ['t'] };

describe('reader > consumer config lint', () => {
  it('always runs read_committed with auto-commit off', () => {
    expect(effectiveConsumerConfig(base)).toMatchObject({ 'isolation.level': 'read_committed', 'enable.auto.commit': 'false', 'auto.offset.reset': 'earliest' });
  });

  it('passes the defaults without a finding', () => {
    const warnings: string[] = [];
    lintConsumerConfig(base, { warn: (m) => warnings.push(m) });
    expect(warnings).toEqual([]);
  });

  it('warns, through eos-lint, when a new group would start at the end of the log', () => {
    const warnings: string[] = [];
    lintConsumerConfig({ ...base, consumer: { fromBeginning: false } }, { warn: (m) => warnings.push(m) });
    expect(warnings.join('\n')).toMatch(/consumer\.fromBeginning \(auto\.offset\.reset\).*eos-lint consumer-auto-offset-reset-latest/);
  });
});
