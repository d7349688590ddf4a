import { lintSources } from '@eoskit/lint';
import { describe, expect, it } from 'vitest';
import { cycleFilter, describeFilter, parseFilterText, visibleFindings } from './filter-findings.js';

const { findings } = lintSources([
  { file: 'app/producer.properties', text: 'acks=1\n# eos-lint-disable-next-line producer-retries-zero -- test\nretries=0\n' },
  { file: 'app/consumer.properties', text: 'group.id=g\nisolation.level=read_uncommitted\n' },
]);

describe('audit > filter', () => {
  it('reads sev:, role: and file: tokens and keeps unknown ones as words', () => {
    expect(parseFilterText('  sev:error role:producer file:app/ ACKS ')).toEqual({ severity: 'error', role: 'producer', file: 'app/', words: ['acks'] });
    expect(parseFilterText('sev:fatal role:writer')).toEqual({ words: ['sev:fatal', 'role:writer'] });
  });

  it('hides suppressed findings and matches words against rule, key, message and file', () => {
    expect(findings.some((f) => f.suppressed)).toBe(true);
    const all = visibleFindings(findings, { text: '' });
    expect(all.every((f) => !f.suppressed)).toBe(true);
    expect(visibleFindings(findings, { text: 'isolation' }).map((f) => f.ruleId)).toEqual(['consumer-read-uncommitted']);
    expect(visibleFindings(findings, { text: 'P2' }).map((f) => f.ruleId)).toEqual(['producer-acks-not-all']);
    expect(visibleFindings(findings, { text: 'acks nothing-matches' })).toEqual([]);
  });

  it('combines quick filters with typed ones', () => {
    const consumers = visibleFindings(findings, { role: 'consumer', text: '' });
    expect(consumers.length).toBeGreaterThan(0);
    expect(consumers.every((f) => f.role === 'consumer')).toBe(true);
    expect(visibleFindings(findings, { file: 'app/consumer.properties', text: 'acks' })).toEqual([]);
  });

  it('cycles through values that have findings, then back to all', () => {
    let filter = cycleFilter({ text: '' }, 'role', findings);
    expect(filter.role).toBe('producer');
    filter = cycleFilter(filter, 'role', findings);
    expect(filter.role).toBe('consumer');
    expect(cycleFilter(filter, 'role', findings).role).toBeUndefined();
    expect(describeFilter({ severity: 'error', file: 'a', text: ' x ' })).toBe('severity error, file a, "x"');
  });
});
