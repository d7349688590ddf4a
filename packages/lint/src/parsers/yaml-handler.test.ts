import { describe, expect, it } from 'vitest';
import { applyEdits, parseFile } from './index.js';

const text = `# shared settings
bootstrap.servers: localhost:9092
producer:
  acks: 1   # legacy
  enable:
    idempotence: false
consumer:
  group.id: orders
  isolation.level: read_uncommitted # eos-lint-disable-line C1 -- legacy reader
`;

describe('parsers > yaml', () => {
  it('makes one unit per section, sharing top-level keys, with positions', () => {
    const parsed = parseFile('clients.yaml', text);
    expect(parsed.format).toBe('yaml');
    const [producer, consumer] = parsed.units;
    expect(producer).toMatchObject({ id: 'clients.yaml#producer', role: 'producer', dialect: 'java' });
    expect(producer?.entries.get('acks')).toMatchObject({ value: '1', rawKey: 'producer.acks', position: { line: 4, column: 3 }, valuePosition: { line: 4, column: 9 } });
    expect(producer?.entries.get('enable.idempotence')).toMatchObject({ value: 'false', position: { line: 6, column: 5 } });
    expect(producer?.entries.get('bootstrap.servers')?.position).toEqual({ line: 2, column: 1 });
    expect(consumer?.entries.get('bootstrap.servers')?.value).toBe('localhost:9092');
    expect(consumer?.entries.has('acks')).toBe(false);
    expect(parsed.suppressions).toEqual([{ file: 'clients.yaml', commentLine: 9, targetLine: 9, ruleIds: ['C1'], reason: 'legacy reader' }]);
  });

  it('reads a flat map as one unit, role from the keys, and duplicates as shadowed', () => {
    const parsed = parseFile('app/kafka.yml', 'group.id: g\nisolation.level: read_committed\ngroup.id: h\n');
    expect(parsed.units[0]).toMatchObject({ id: 'app/kafka.yml', role: 'consumer', roleSource: 'keys' });
    expect(parsed.units[0]?.entries.get('group.id')?.value).toBe('h');
    expect(parsed.units[0]?.shadowed.map((e) => e.position.line)).toEqual([1]);
  });

  it('treats tags and anchors as plain data', () => {
    const parsed = parseFile('producer.yaml', 'base: &b all\nacks: *b\nclient.id: !!js/function "function () {}"\n');
    const unit = parsed.units[0];
    expect(unit?.entries.get('acks')).toMatchObject({ value: 'all', position: { line: 2, column: 1 }, valuePosition: { line: 2, column: 7 } });
    expect(unit?.entries.get('client.id')?.value).toBe('function () {}');
  });

  it('reports YAML syntax errors with their line and reads what it can', () => {
    const parsed = parseFile('producer.yaml', 'acks: all\nretries: [1, 2\n');
    expect(parsed.problems[0]).toMatchObject({ fatal: false, position: { line: expect.any(Number) } });
    expect(parsed.problems[0]?.message).toMatch(/^YAML: /);
  });

  it('edits only the values and keys involved, keeping comments', () => {
    const parsed = parseFile('clients.yaml', text);
    const out = applyEdits(parsed, [
      { kind: 'set', unitId: 'clients.yaml#producer', key: 'acks', value: 'all' },
      { kind: 'set', unitId: 'clients.yaml#producer', key: 'enable.idempotence', value: 'true' },
      { kind: 'set', unitId: 'clients.yaml#producer', key: 'transactional.id', value: 'orders-tx' },
      { kind: 'set', unitId: 'clients.yaml#consumer', key: 'isolation.level', value: 'read_committed' },
      { kind: 'remove', unitId: 'clients.yaml#consumer', key: 'group.id' },
    ]);
    expect(out).toBe(`# shared settings
bootstrap.servers: localhost:9092
producer:
  acks: all   # legacy
  enable:
    idempotence: true
  transactional.id: orders-tx
consumer:
  isolation.level: read_committed # eos-lint-disable-line C1 -- legacy reader
`);
    expect(applyEdits(parsed, [])).toBe(text);
  });

  it('keeps CRLF line breaks and a byte-order mark', () => {
    const crlf = '\ufeffproducer:\r\n  acks: 1\r\n'.replace(/\n/g, '\n');
    const parsed = parseFile('clients.yaml', crlf);
    expect(parsed.units[0]?.entries.get('acks')?.position).toEqual({ line: 2, column: 3 });
    const out = applyEdits(parsed, [
      { kind: 'set', unitId: 'clients.yaml#producer', key: 'acks', value: 'all' },
      { kind: 'set', unitId: 'clients.yaml#producer', key: 'enable.idempotence', value: 'true' },
    ]);
    expect(out).toBe('\ufeffproducer:\r\n  acks: all\r\n  enable.idempotence: true\r\n');
  });

  it('keeps quoting, quotes what YAML would misread, and renames in place', () => {
    const parsed = parseFile('producer.yaml', "acks: '1'\nclient.id: app\n");
    const out = applyEdits(parsed, [
      { kind: 'set', unitId: 'producer.yaml', key: 'acks', value: 'all' },
      { kind: 'set', unitId: 'producer.yaml', key: 'client.id', value: 'yes' },
      { kind: 'rename', unitId: 'producer.yaml', from: 'client.id', to: 'client.name' },
    ]);
    expect(out).toBe("acks: 'all'\nclient.name: \"yes\"\n");
    expect(parseFile('producer.yaml', out).units[0]?.entries.get('client.name')?.value).toBe('yes');
  });
});
