import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createClient } from '@eoskit/core';
import type { ClientKind, EosAdmin, KafkaClient } from '@eoskit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedBrokers, uniqueName } from '../../../test/helpers/kafka.js';
import { usePostgres } from '../../../test/helpers/postgres.js';
import { produceStamped, sequences, waitFor } from '../../../test/helpers/reader-fixtures.js';
import type { Stamped } from '../../../test/helpers/reader-fixtures.js';

const BIN = fileURLToPath(new URL('../../bin/eoskit.js', import.meta.url));
const CLIENTS: ClientKind[] = ['kafkajs', 'confluent'];
const PASSWORD = 'sekret-pw-123';
const pgServer = usePostgres();
const dir = mkdtempSync(join(tmpdir(), 'eoskit-consume-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Run {
  child: ChildProcess;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

function eoskit(args: string[]): Run {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, exit };
}

/** Rows of the events table as "writer/seq" strings. */
type EventsReader = () => Promise<string[]>;
const parseEvent = (value: string): string => {
  const v = JSON.parse(value) as { writer: string; seq: number };
  return `${v.writer}/${v.seq}`;
};

describe.each(CLIENTS)('cli > consume > %s', (kind) => {
  let client: KafkaClient;
  let admin: EosAdmin;
  beforeAll(async () => {
    client = await createClient({ client: kind, brokers: sharedBrokers() });
    admin = client.admin();
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.disconnect();
    await client?.close();
  });
  const base = (topic: string, group: string) => ['consume', '--bootstrap', sharedBrokers().join(','), '--group', group, '--topic', topic, '--client', kind];

  it('appends one JSON line per delivered record, drops repeats and exits 0 once idle', async () => {
    const topic = uniqueName(`cc-out-${kind}`);
    await admin.createTopics([{ topic, numPartitions: 2 }]);
    await produceStamped(client, topic, [...sequences('w', 0, 20), ...sequences('w', 5, 10)], 2);
    const output = join(dir, `${topic}.jsonl`);
    const { code, stdout } = await eoskit([...base(topic, uniqueName('cc-out')), '--output', output, '--max-idle-ms', '1500']).exit;
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ delivered: 20, duplicatesDropped: 5 });
    const lines = readFileSync(output, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(20);
    const first = lines.find((l) => l.partition === 0 && l.offset === 0);
    expect(first).toEqual({ topic, partition: 0, offset: 0, key: 'k0', value: '{"writer":"w","seq":0}' });
    expect(lines.map((l) => parseEvent(l.value as string)).sort()).toEqual(sequences('w', 0, 20).map((s) => `w/${s.seq}`).sort());
  });

  const sinks: Array<[string, () => Promise<{ spec: string; events: EventsReader }>]> = [
    [
      'sqlite',
      async () => {
        const path = join(dir, `${uniqueName('kill')}.db`);
        return {
          spec: `sqlite:${path}`,
          events: async () => {
            if (!existsSync(path)) return [];
            const db = new Database(path, { readonly: true });
            try {
              if (db.prepare("SELECT name FROM sqlite_master WHERE name = 'events'").get() === undefined) return [];
              return (db.prepare('SELECT value FROM events').all() as Array<{ value: string }>).map((r) => parseEvent(r.value));
            } finally {
              db.close();
            }
          },
        };
      },
    ],
    [
      'postgres',
      async () => {
        const url = await pgServer.newDatabase();
        // trust auth ignores the password; it is there to prove it is never printed
        const withPassword = url.replace('postgres://postgres@', `postgres://postgres:${PASSWORD}@`);
        return {
          spec: `postgres:${withPassword}`,
          events: async () => {
            const c = new pg.Client({ connectionString: url });
            await c.connect();
            try {
              const exists = await c.query("SELECT to_regclass('events') AS t");
              if (exists.rows[0].t === null) return [];
              return (await c.query<{ value: string }>('SELECT value FROM events')).rows.map((r) => parseEvent(r.value));
            } finally {
              await c.end();
            }
          },
        };
      },
    ],
  ];

  it.each(sinks)('applies every event exactly once with the %s sink though SIGKILLed 5 times', async (_name, makeSink) => {
    const topic = uniqueName(`cc-kill-${kind}`);
    const group = uniqueName('cc-kill');
    await admin.createTopics([{ topic, numPartitions: 3 }]);
    const { spec, events } = await makeSink();
    // A writer that keeps writing (with repeats a crashed writer would leave) until the kills are over.
    let killing = true;
    let total = 0;
    const producing = (async () => {
      while (killing || total < 1500) {
        const chunk: Stamped[] = sequences('w', total, total + 60);
        if (total >= 200) chunk.push(...sequences('w', total - 200, total - 190)); // genuine duplicates, some far back
        await produceStamped(client, topic, chunk, 3);
        total += 60;
        await new Promise((r) => setTimeout(r, 200));
      }
    })();
    const args = [...base(topic, group), '--sink', spec, '--session-timeout-ms', '3000', '--max-idle-ms', '4000'];
    const outputs: string[] = [];
    for (let kill = 0; kill < 5; kill++) {
      const before = (await events()).length;
      const run = eoskit(args);
      let exited: string | undefined;
      void run.exit.then((r) => (exited = `exited early (${r.code}): ${r.stderr}`));
      // Kill it mid-stream: once it applied something new, after a random extra moment.
      await waitFor('progress before the kill', async () => {
        if (exited !== undefined) throw new Error(exited);
        return (await events()).length > before;
      }, 90_000);
      await new Promise((r) => setTimeout(r, Math.random() * 400));
      run.child.kill('SIGKILL');
      const result = await run.exit;
      outputs.push(result.stdout, result.stderr);
      expect(result.signal).toBe('SIGKILL');
    }
    killing = false;
    await producing;
    const last = await eoskit(args).exit;
    outputs.push(last.stdout, last.stderr);
    expect(last.code, last.stderr).toBe(0);
    const applied = await events();
    const counts = new Map<string, number>();
    for (const e of applied) counts.set(e, (counts.get(e) ?? 0) + 1);
    expect([...counts.values()].filter((n) => n > 1)).toEqual([]);
    expect(applied).toHaveLength(total);
    expect(new Set(applied)).toEqual(new Set(sequences('w', 0, total).map((s) => `w/${s.seq}`)));
    expect(outputs.join('')).not.toContain(PASSWORD);
  });
});
