import { describe, expect, it } from 'vitest';
import type { SourceFormat } from '../model.js';
import { FORMAT_HANDLERS, parseFile } from './index.js';

/** A file name each handler claims, so the hostile text reaches that parser. */
const NAMES: Record<string, string> = {
  'flink-sql': 'job.sql',
  compose: 'docker-compose.yml',
  strimzi: 'kafka.yaml',
  spring: 'application.yml',
  'flink-conf': 'flink-conf.yaml',
  'client-js': 'kafka.json',
  env: 'broker.env',
  yaml: 'producer.yaml',
  json: 'producer.json',
  properties: 'producer.properties',
};

const deepBrackets = '['.repeat(10_000) + ']'.repeat(10_000);
const deepObject = '{"a":'.repeat(10_000) + '1' + '}'.repeat(10_000);
const deepIndent = Array.from({ length: 3_000 }, (_, i) => `${' '.repeat(i)}k${i}:`).join('\n') + ' 1\n';
const deepSequence = '- '.repeat(10_000) + 'x\n';
const hugeLine = 'acks: ' + 'x'.repeat(3_000_000) + '\n';
const protoKeys = '__proto__: 1\nconstructor: 2\nprototype: 3\n{"__proto__": {"polluted": 1}, "constructor": {"prototype": 1}}\n';
const inputs: [string, string | Uint8Array][] = [
  ['binary', new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0xff, 0xfe, 0x00])],
  ['invalid UTF-8', new Uint8Array([0x61, 0x63, 0x6b, 0x73, 0x3d, 0xc3, 0x28, 0x0a])],
  ['deep brackets', deepBrackets],
  ['deep object', deepObject],
  ['deep indentation', deepIndent],
  ['deep sequence markers', deepSequence],
  ['huge line', hugeLine],
  ['__proto__ keys', protoKeys],
  ['BOM and CRLF', '\ufeffacks: all\r\nkey = value\r\n\'a\' = \'b\'\r\n'],
  ['unterminated quotes', "CREATE TABLE t WITH ('connector' = 'kafka\n\"brokers\": [\"a\nKAFKA_X=\"1\n/* never closed"],
  ['empty', ''],
];

describe('parsers > hostile input', () => {
  for (const handler of FORMAT_HANDLERS) {
    const format = handler.format as SourceFormat;
    const file = NAMES[format] ?? `x.${format}`;
    it(`${format} never throws and reports what it cannot read with a position`, () => {
      for (const [what, input] of inputs) {
        const parsed = parseFile(file, input, { format });
        expect(parsed.file, what).toBe(file);
        for (const p of parsed.problems) {
          expect(p.file, what).toBe(file);
          expect(p.position.line, what).toBeGreaterThanOrEqual(1);
          expect(p.message.length, what).toBeGreaterThan(0);
        }
        if (what === 'binary') expect(parsed.problems.some((p) => p.fatal), what).toBe(true);
        for (const unit of parsed.units) for (const e of unit.entries.values()) expect(e.position.line, what).toBeGreaterThanOrEqual(1);
      }
      expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('polluted');
    }, 60_000);
  }

  it('detects the format from the name, then the content, and refuses unknown files', () => {
    expect(parseFile('notes.txt', 'just some prose without settings').problems[0]).toMatchObject({ fatal: true, message: expect.stringMatching(/unrecognized file format/) });
    expect(parseFile('client.conf', 'bootstrap.servers=x:9092\nacks=all\n').format).toBe('properties');
    expect(parseFile('Dockerfile.env', 'KAFKA_NODE_ID=1\n').format).toBe('env');
  });
});
