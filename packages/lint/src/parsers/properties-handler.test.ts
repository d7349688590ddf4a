import { describe, expect, it } from 'vitest';
import { applyEdits, parseFile } from './index.js';

const producer = [
  '# Producer for orders',
  'bootstrap.servers=localhost:9092',
  '  acks : 1',
  '! eos-lint-disable-next-line P3, P4 -- legacy consumer needs it',
  'retries 0',
  'transactional.id=orders-\\',
  '    writer-1',
  'sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required password="s3cret";',
  'enable.idempotence=TRUE',
  'acks=all',
  '',
].join('\n');

describe('parsers > properties', () => {
  it('reads keys and values with exact positions', () => {
    const parsed = parseFile('conf/producer.properties', producer);
    expect(parsed.problems).toEqual([]);
    const [unit] = parsed.units;
    expect(unit?.role).toBe('producer');
    expect(unit?.roleSource).toBe('file-name');
    expect(unit?.dialect).toBe('java');
    const retries = unit?.entries.get('retries');
    expect(retries).toMatchObject({ value: '0', position: { line: 5, column: 1 }, valuePosition: { line: 5, column: 9 } });
    const bootstrap = unit?.entries.get('bootstrap.servers');
    expect(bootstrap?.valuePosition).toEqual({ line: 2, column: 19 });
  });

  it('joins line continuations and normalizes booleans', () => {
    const unit = parseFile('producer.properties', producer).units[0];
    expect(unit?.entries.get('transactional.id')?.value).toBe('orders-writer-1');
    expect(unit?.entries.get('enable.idempotence')).toMatchObject({ value: 'true', rawValue: 'TRUE' });
  });

  it('keeps the last duplicate and shadows the earlier one', () => {
    const unit = parseFile('producer.properties', producer).units[0];
    expect(unit?.entries.get('acks')).toMatchObject({ value: 'all', position: { line: 10, column: 1 } });
    expect(unit?.shadowed).toHaveLength(1);
    expect(unit?.shadowed[0]).toMatchObject({ key: 'acks', value: '1', position: { line: 3, column: 3 }, valuePosition: { line: 3, column: 10 } });
  });

  it('marks secrets', () => {
    const unit = parseFile('producer.properties', producer).units[0];
    expect(unit?.entries.get('sasl.jaas.config')?.secret).toBe(true);
    expect(unit?.entries.get('acks')?.secret).toBe(false);
  });

  it('reads suppression comments with # and !', () => {
    const text = '# eos-lint-disable-next-line C1\n\n# eos-lint-disable-next-line\nisolation.level=read_uncommitted\n';
    const parsed = parseFile('consumer.properties', text);
    expect(parsed.suppressions).toEqual([
      { file: 'consumer.properties', commentLine: 1, targetLine: 4, ruleIds: ['C1'] },
      { file: 'consumer.properties', commentLine: 3, targetLine: 4, ruleIds: [] },
    ]);
    expect(parseFile('p.properties', producer).suppressions).toEqual([
      { file: 'p.properties', commentLine: 4, targetLine: 5, ruleIds: ['P3', 'P4'], reason: 'legacy consumer needs it' },
    ]);
  });

  it('reports a disable-line directive that cannot apply and bad rule ids', () => {
    const parsed = parseFile('producer.properties', '# eos-lint-disable-line P1\n# eos-lint-disable-next-line P1;rm\nacks=1\n');
    expect(parsed.suppressions).toEqual([]);
    expect(parsed.problems.map((p) => p.position.line)).toEqual([1, 2]);
    expect(parsed.problems.every((p) => !p.fatal)).toBe(true);
  });

  it('handles CRLF line breaks and a byte-order mark', () => {
    const parsed = parseFile('server.properties', '\ufeffbroker.id=1\r\nmin.insync.replicas=\\\r\n  2\r\n');
    const unit = parsed.units[0];
    expect(unit?.role).toBe('broker');
    expect(unit?.entries.get('broker.id')?.position).toEqual({ line: 1, column: 1 });
    expect(unit?.entries.get('min.insync.replicas')).toMatchObject({ value: '2', position: { line: 2, column: 1 } });
  });
});

describe('parsers > properties > roles', () => {
  it('decides the role from keys when the name says nothing', () => {
    const parsed = parseFile('app/kafka.properties', 'application.id=orders\nprocessing.guarantee=exactly_once_v2\nacks=all\n');
    expect(parsed.units[0]).toMatchObject({ role: 'streams', roleSource: 'keys' });
    expect(parseFile('a.properties', 'group.id=g\nisolation.level=read_committed\n').units[0]?.role).toBe('consumer');
  });

  it('tells librdkafka property files from Java ones', () => {
    expect(parseFile('kcat-producer.properties', 'queue.buffering.max.ms=5\nenable.idempotence=true\n').units[0]?.dialect).toBe('librdkafka');
    expect(parseFile('producer.properties', 'key.serializer=x\nenable.idempotence=true\n').units[0]?.dialect).toBe('java');
  });

  it('lets options.role win over the file name', () => {
    const parsed = parseFile('producer.properties', 'acks=all\n', { role: 'consumer' });
    expect(parsed.units[0]).toMatchObject({ role: 'consumer', roleSource: 'explicit' });
  });

  it('reports a file whose role cannot be told instead of guessing', () => {
    const parsed = parseFile('client.properties', 'bootstrap.servers=localhost:9092\n');
    expect(parsed.units).toEqual([]);
    expect(parsed.problems[0]).toMatchObject({ fatal: false, position: { line: 1, column: 1 } });
    expect(parsed.problems[0]?.message).toContain('--role');
  });
});

describe('parsers > properties > hostile input', () => {
  it('refuses binary content with a fatal problem', () => {
    const parsed = parseFile('x.properties', new Uint8Array([0x61, 0x3d, 0x00, 0xff, 0x01]));
    expect(parsed.units).toEqual([]);
    expect(parsed.problems).toEqual([expect.objectContaining({ fatal: true, position: { line: 1, column: 3 } })]);
  });

  it('reads invalid UTF-8 as ISO-8859-1 like Java', () => {
    const bytes = Buffer.concat([Buffer.from('client.id=caf'), Buffer.from([0xe9]), Buffer.from('\nacks=all\n')]);
    const parsed = parseFile('producer.properties', bytes);
    expect(parsed.units[0]?.entries.get('client.id')?.value).toBe('café');
  });

  it('survives a multi-megabyte line and __proto__ keys', () => {
    const big = 'x'.repeat(5_000_000);
    const parsed = parseFile('producer.properties', `__proto__=1\nconstructor=2\nclient.id=${big}\nacks=all\n`);
    const unit = parsed.units[0];
    expect(unit?.entries.get('__proto__')?.value).toBe('1');
    expect(unit?.entries.get('constructor')?.value).toBe('2');
    expect(unit?.entries.get('client.id')?.value.length).toBe(5_000_000);
    expect(unit?.entries.get('acks')?.position.line).toBe(4);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('reports malformed unicode escapes with their line', () => {
    const parsed = parseFile('producer.properties', 'acks=all\nclient.id=a\\uZZ\n');
    expect(parsed.problems).toEqual([expect.objectContaining({ fatal: false, position: { line: 2, column: 12 } })]);
  });
});
