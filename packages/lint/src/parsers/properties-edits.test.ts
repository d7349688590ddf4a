import { describe, expect, it } from 'vitest';
import { applyEdits, parseFile } from './index.js';

const text = [
  '# Producer for orders',
  'bootstrap.servers = localhost:9092',
  'acks = 1   ',
  '# keep this comment',
  'max.in.flight.requests.per.connection = \\',
  '    10',
  'client.id = orders',
  'acks = 0',
  '# trailing comment',
].join('\r\n');

const file = 'producer.properties';

describe('parsers > properties > applyEdits', () => {
  it('leaves the text unchanged without edits', () => {
    expect(applyEdits(parseFile(file, text), [])).toBe(text);
  });

  it('sets the winning occurrence only', () => {
    const out = applyEdits(parseFile(file, text), [{ kind: 'set', unitId: file, key: 'acks', value: 'all' }]);
    expect(out).toBe(text.replace('acks = 0', 'acks = all'));
  });

  it('replaces a continued value and keeps the comments around it', () => {
    const out = applyEdits(parseFile(file, text), [
      { kind: 'set', unitId: file, key: 'max.in.flight.requests.per.connection', value: '5' },
    ]);
    expect(out).toBe(text.replace('= \\\r\n    10', '= 5'));
    expect(parseFile(file, out).units[0]?.entries.get('max.in.flight.requests.per.connection')?.value).toBe('5');
  });

  it('adds a missing key after the last entry with the file separator and line breaks', () => {
    const out = applyEdits(parseFile(file, text), [{ kind: 'set', unitId: file, key: 'enable.idempotence', value: 'true' }]);
    expect(out).toBe(text.replace('acks = 0', 'acks = 0\r\nenable.idempotence = true'));
  });

  it('removes every occurrence with its continuation lines', () => {
    const parsed = parseFile(file, text);
    const out = applyEdits(parsed, [
      { kind: 'remove', unitId: file, key: 'acks' },
      { kind: 'remove', unitId: file, key: 'max.in.flight.requests.per.connection' },
    ]);
    expect(out).toBe(
      ['# Producer for orders', 'bootstrap.servers = localhost:9092', '# keep this comment', 'client.id = orders', '# trailing comment'].join('\r\n'),
    );
  });

  it('renames keys in place', () => {
    const streams = 'application.id=a\n# old name\nprocessing.guarantee=exactly_once\n';
    const out = applyEdits(parseFile('streams.properties', streams), [
      { kind: 'set', unitId: 'streams.properties', key: 'processing.guarantee', value: 'exactly_once_v2' },
    ]);
    expect(out).toBe('application.id=a\n# old name\nprocessing.guarantee=exactly_once_v2\n');
    const renamed = applyEdits(parseFile('c.properties', 'group.id=g\nisolation.level=read_committed\n'), [
      { kind: 'rename', unitId: 'c.properties', from: 'group.id', to: 'group.instance.id' },
    ]);
    expect(renamed).toBe('group.instance.id=g\nisolation.level=read_committed\n');
  });

  it('escapes values so they round-trip', () => {
    const tricky = ' leading space, back\\slash, tab\t, new\nline, é, 中';
    const out = applyEdits(parseFile(file, 'acks=all\n'), [{ kind: 'set', unitId: file, key: 'client.id', value: tricky }]);
    expect(parseFile(file, out).units[0]?.entries.get('client.id')?.rawValue).toBe(tricky);
    expect(out).not.toContain('中');
  });

  it('appends to a file without a final newline', () => {
    const out = applyEdits(parseFile('consumer.properties', 'group.id=g'), [
      { kind: 'set', unitId: 'consumer.properties', key: 'isolation.level', value: 'read_committed' },
    ]);
    expect(out).toBe('group.id=g\nisolation.level=read_committed');
  });

  it('throws for an edit of a unit the file does not have', () => {
    expect(() => applyEdits(parseFile(file, text), [{ kind: 'remove', unitId: 'other', key: 'acks' }])).toThrow(RangeError);
  });
});
