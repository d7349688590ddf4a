import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { lintFiles, type Role } from '@eoskit/lint';
import { describe, expect, it } from 'vitest';
import { INIT_CLIENTS } from './init-clients.js';
import type { InitClient, InitFile } from './init-types.js';
import { renderInitFiles } from './render-init-files.js';

/** Roles the files of each client must parse to (so "clean" is not "nothing was read"). */
const ROLES: Record<InitClient, Role[]> = {
  java: ['producer', 'consumer', 'broker'],
  librdkafka: ['producer', 'consumer', 'broker'],
  kafkajs: ['producer', 'consumer', 'broker'],
  confluent: ['producer', 'consumer', 'broker'],
  streams: ['streams', 'consumer', 'broker'],
  'flink-datastream': ['flink', 'consumer', 'producer', 'broker'],
  'flink-sql': ['flink', 'broker'],
};

/** One EOS-breaking edit per client and the rule that must then fire: the rules do read these files. */
const BREAK: Record<InitClient, { file: string; from: string; to: string; rule: string }> = {
  java: { file: 'producer.properties', from: 'acks=all', to: 'acks=1', rule: 'producer-acks-not-all' },
  librdkafka: { file: 'consumer.properties', from: 'isolation.level=read_committed', to: 'isolation.level=read_uncommitted', rule: 'consumer-read-uncommitted' },
  kafkajs: { file: 'kafka.jsonc', from: '"readUncommitted": false', to: '"readUncommitted": true', rule: 'consumer-read-uncommitted' },
  confluent: { file: 'kafka.jsonc', from: '"read_committed"', to: '"read_uncommitted"', rule: 'consumer-read-uncommitted' },
  streams: { file: 'streams.properties', from: 'processing.guarantee=exactly_once_v2', to: 'processing.guarantee=at_least_once', rule: 'streams-not-exactly-once' },
  'flink-datastream': { file: 'kafka-source.properties', from: 'isolation.level=read_committed', to: 'isolation.level=read_uncommitted', rule: 'consumer-read-uncommitted' },
  'flink-sql': { file: 'pipeline.sql', from: "'exactly-once'", to: "'at-least-once'", rule: 'flink-delivery-guarantee-not-exactly-once' },
};

async function lintWritten(files: InitFile[]) {
  const dir = mkdtempSync(join(tmpdir(), 'eos-init-'));
  for (const f of files) writeFileSync(join(dir, f.path), f.text);
  return lintFiles(['.'], { cwd: dir, configFile: false });
}

const combos = INIT_CLIENTS.flatMap((c) => [1, 2, 3, 5].map((brokers) => ({ client: c.id, brokers })));

describe('init > generated configs', () => {
  it.each(combos)('$client with $brokers broker(s) lints clean as one pipeline', async ({ client, brokers }) => {
    const files = renderInitFiles({ client, brokers });
    const result = await lintWritten(files);
    const open = result.findings.filter((f) => !f.suppressed);
    expect(open.map((f) => `${f.severity} ${f.file}:${f.line} ${f.ruleId}`)).toEqual([]);
    expect(result.files.every((f) => f.problems.length === 0)).toBe(true);
    expect(new Set(result.files.flatMap((f) => f.units.map((u) => u.role)))).toEqual(new Set(ROLES[client]));
    // Every suppression carries a reason and is only needed below 3 brokers.
    const suppressed = result.findings.filter((f) => f.suppressed);
    if (brokers >= 3) expect(suppressed).toEqual([]);
    for (const f of suppressed) expect(f.suppressed?.justification).toMatch(/brokers?/);
    expect(result.facts?.brokerCount).toBe(brokers);
  });

  it.each(INIT_CLIENTS.map((c) => c.id))('%s: an EOS-breaking edit of the output is caught', async (client) => {
    const b = BREAK[client];
    const files = renderInitFiles({ client, brokers: 3 }).map((f) => (f.path === b.file ? { ...f, text: f.text.replace(b.from, b.to) } : f));
    expect(files.find((f) => f.path === b.file)?.text).toContain(b.to);
    const result = await lintWritten(files);
    expect(result.findings.filter((f) => !f.suppressed).map((f) => f.ruleId)).toContain(b.rule);
  });

  it('comments every file and names every file in eos.yaml', () => {
    for (const { client } of combos.filter((c) => c.brokers === 3)) {
      const files = renderInitFiles({ client, brokers: 3 });
      const manifest = files.find((f) => f.path === 'eos.yaml')?.text ?? '';
      for (const f of files) {
        expect(f.text).toMatch(/^(#|\/\/|--) /m);
        if (f.path !== 'eos.yaml') expect(manifest).toContain(`path: ${f.path}`);
      }
    }
  });
});
