import { describe, expect, it } from 'vitest';
import { describePipeline, type PipelineLink } from './describe-pipeline.js';
import { lintSources } from './lint-sources.js';

const producer = 'transactional.id=orders-0\ntransaction.timeout.ms=1200000\n';
const timeoutLink = (links: PipelineLink[]) => links.find((l) => l.ruleId === 'producer-transaction-timeout-exceeds-broker-max');

describe('lint > describePipeline', () => {
  it('pairs a producer transaction timeout with the broker maximum it must respect, where each is written', () => {
    const result = lintSources([
      { file: 'producer.properties', text: producer },
      { file: 'server.properties', text: 'process.roles=broker\ntransaction.max.timeout.ms=900000\n' },
    ]);
    expect(timeoutLink(describePipeline(result))).toEqual({
      ruleId: 'producer-transaction-timeout-exceeds-broker-max',
      title: expect.any(String),
      subject: { key: 'transaction.timeout.ms', value: '1200000', file: 'producer.properties', line: 2, role: 'producer', source: 'user' },
      op: '<=',
      limit: { key: 'transaction.max.timeout.ms', value: '900000', file: 'server.properties', line: 2, role: 'broker', source: 'user' },
      status: 'violated',
    });
  });

  it('turns ok when the broker allows the timeout, and marks an unseen broker as assumed', () => {
    const raised = lintSources([
      { file: 'producer.properties', text: producer },
      { file: 'server.properties', text: 'process.roles=broker\ntransaction.max.timeout.ms=1800000\n' },
    ]);
    expect(timeoutLink(describePipeline(raised))?.status).toBe('ok');
    const alone = describePipeline(lintSources([{ file: 'producer.properties', text: producer }]));
    expect(timeoutLink(alone)?.limit).toMatchObject({ value: '900000', source: 'assumed' });
    expect(timeoutLink(alone)?.status).toBe('violated');
  });

  it('leaves out relations whose rule does not apply (a producer without transactions)', () => {
    const links = describePipeline(lintSources([{ file: 'producer.properties', text: 'acks=all\ntransaction.timeout.ms=1200000\n' }]));
    expect(timeoutLink(links)).toBeUndefined();
  });

  it('compares replication factors with the broker count declared in the manifest', () => {
    const result = lintSources(
      [{ file: 'server.properties', text: 'process.roles=broker\ntransaction.state.log.replication.factor=3\n' }],
      { manifest: { brokers: 2, files: [{ path: 'server.properties', role: 'broker' }] } },
    );
    const link = describePipeline(result).find((l) => l.ruleId === 'transaction-state-log-rf-exceeds-brokers');
    expect(link).toMatchObject({ op: '<=', status: 'violated', subject: { value: '3', line: 2 }, limit: { key: 'brokers', value: '2', source: 'declared' } });
  });

  it('reports a suppressed violation as suppressed', () => {
    const text = 'transactional.id=orders-0\n# eos-lint-disable-next-line producer-transaction-timeout-exceeds-broker-max -- brokers raised\ntransaction.timeout.ms=1200000\n';
    const link = timeoutLink(describePipeline(lintSources([{ file: 'producer.properties', text }])));
    expect(link?.status).toBe('suppressed');
  });
});
