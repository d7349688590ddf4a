import { lintSources } from '@eoskit/lint';
import { describe, expect, it } from 'vitest';
import { findingsLines, windowStart, type FindingsView } from './findings-lines.js';
import { shortNames } from './short-names.js';
import { lineText } from './styled-line.js';

const many = ['acks=1', ...Array.from({ length: 30 }, (_, i) => `bogus.key.${i}=1`)].join('\n');
const { findings } = lintSources([
  { file: 'a/producer.properties', text: many },
  { file: 'b/producer.properties', text: 'retries=0\n' },
]);
const view = (patch: Partial<FindingsView> = {}): FindingsView => ({
  visible: findings,
  total: findings.length,
  selected: 0,
  filter: { text: '' },
  draft: null,
  names: shortNames(findings.map((f) => f.file)),
  ...patch,
});
const text = (v: FindingsView, w = 80, h = 21) => findingsLines(v, w, h).map(lineText);

describe('audit > findings screen lines', () => {
  it('fills exactly the rows given, no wider than the terminal', () => {
    for (const [w, h] of [[80, 21], [60, 10], [120, 40]] as const) {
      const lines = text(view(), w, h);
      expect(lines).toHaveLength(h);
      for (const l of lines) expect([...l].length).toBeLessThanOrEqual(w);
    }
  });

  it('groups findings under their file, told apart by the shortest distinct path', () => {
    const lines = text(view({ selected: findings.length - 1 }));
    expect(lines).toContain('b/producer.properties  2 findings');
    const first = text(view());
    expect(first[1]).toMatch(/^a\/producer\.properties {2}\d+ findings$/);
    expect(first[2]).toMatch(/^› E\+ +1 {2}acks +producer-acks-not-all/);
  });

  it('keeps the selected finding in the window and shows its message below the list', () => {
    const last = findings.length - 1;
    const lines = text(view({ selected: last }));
    expect(lines.some((l) => l.startsWith('›') && l.includes('retries'))).toBe(true);
    expect(lines.slice(-3).join(' ')).toContain(findings[last]?.message.slice(0, 30));
    expect(windowStart(50, 100, 10)).toBe(45);
    expect(windowStart(99, 100, 10)).toBe(90);
    expect(windowStart(3, 5, 10)).toBe(0);
  });

  it('shows the filter being typed and what is left', () => {
    const lines = text(view({ draft: 'retr', visible: findings.filter((f) => f.key === 'retries') }));
    expect(lines[0]).toMatch(/^\/retr█ {2}2\/\d+ {2}Enter keep · Esc cancel$/);
    expect(text(view({ visible: [] }))[1]).toContain('No finding matches the filter');
    expect(text(view({ visible: [], total: 0 }))[1]).toContain('No findings');
  });
});
