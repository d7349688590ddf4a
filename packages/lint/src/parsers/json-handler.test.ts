import { describe, expect, it } from 'vitest';
import { applyEdits, parseFile } from './index.js';

const text = `{
  // eos-lint-disable-next-line P2 -- checked elsewhere
  "acks": "1",
  "enable.idempotence": false,
  "retries": 0, /* eos-lint-disable-line P3 */
  "__proto__": { "polluted": true }
}
`;

describe('parsers > json', () => {
  it('reads JSONC with positions, comments as suppressions, __proto__ as data', () => {
    const parsed = parseFile('producer.json', text);
    expect(parsed.format).toBe('json');
    const unit = parsed.units[0];
    expect(unit).toMatchObject({ role: 'producer', roleSource: 'file-name', dialect: 'java' });
    expect(unit?.entries.get('acks')).toMatchObject({ value: '1', position: { line: 3, column: 3 }, valuePosition: { line: 3, column: 11 } });
    expect(unit?.entries.get('retries')?.value).toBe('0');
    expect(unit?.entries.get('__proto__.polluted')?.value).toBe('true');
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(parsed.suppressions).toEqual([
      { file: 'producer.json', commentLine: 2, targetLine: 3, ruleIds: ['P2'], reason: 'checked elsewhere' },
      { file: 'producer.json', commentLine: 5, targetLine: 5, ruleIds: ['P3'] },
    ]);
  });

  it('tells librdkafka-style configs from Java ones', () => {
    expect(parseFile('producer.json', '{"queue.buffering.max.ms": 5, "acks": "all"}').units[0]?.dialect).toBe('librdkafka');
    expect(parseFile('producer.json', '{"key.serializer": "x", "acks": "all"}').units[0]?.dialect).toBe('java');
  });

  it('reports JSON syntax errors with a line, fatal when nothing was read', () => {
    const broken = parseFile('producer.json', '{\n  "acks": all\n}');
    expect(broken.problems[0]).toMatchObject({ position: { line: 2 } });
    const nothing = parseFile('producer.json', '{{{{');
    expect(nothing.problems[0]?.fatal).toBe(true);
  });

  it('edits values, removes pairs with their comma, appends keys in the file style', () => {
    const parsed = parseFile('producer.json', text);
    const out = applyEdits(parsed, [
      { kind: 'set', unitId: 'producer.json', key: 'acks', value: 'all' },
      { kind: 'set', unitId: 'producer.json', key: 'enable.idempotence', value: 'true' },
      { kind: 'remove', unitId: 'producer.json', key: 'retries' },
      { kind: 'set', unitId: 'producer.json', key: 'max.in.flight.requests.per.connection', value: '5' },
    ]);
    expect(out).toBe(`{
  // eos-lint-disable-next-line P2 -- checked elsewhere
  "acks": "all",
  "enable.idempotence": true,
  /* eos-lint-disable-line P3 */
  "__proto__": { "polluted": true },
  "max.in.flight.requests.per.connection": 5
}
`);
    expect(JSON.parse(out.replace(/\/\/.*|\/\*.*?\*\//g, ''))).toMatchObject({ acks: 'all', 'max.in.flight.requests.per.connection': 5 });
  });
});
