import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { createClient } from '@eoskit/core';
import type { ClientKind, EosAdmin, KafkaClient } from '@eoskit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedBrokers, uniqueName } from '../../../test/helpers/kafka.js';
import { usePostgres } from '../../../test/helpers/postgres.js';
import { produceStamped, sequences, waitFor } from '../../../test/helpers/reader-fixtures.js';
import type { Stamped } from '../../../test/helpers/reader-fixtures.js';
import { createReader } from './create-reader.js';
import type { Reader } from './reader-types.js';
import { createEventsTable, insertEvents } from './sinks/events-table.js';
import { createPostgresSink } from './sinks/postgres-sink.js';
import type { PostgresTx } from './sinks/postgres-sink.js';
import { createSqliteSink } from './sinks/sqlite-sink.js';
import type { SqliteTx } from './sinks/sqlite-sink.js';

const CLIENTS: ClientKind[] = ['kafkajs', 'confluent'];
const pgServer = usePostgres();
const dir = mkdtempSync(join(tmpdir(), 'eoskit-reader-sink-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const eventKey = (value: string): string => {
  const v = JSON.parse(value) as { writer: string; seq: number };
  return `${v.writer}/${v.seq}`;
};
function sqliteEvents(path: string): string[] {
  const db = new Database(path, { readonly: true });
  try {
    return (db.prepare('SELECT value FROM events').all() as Array<{ value: string }>).map((r) => eventKey(r.value));
  } finally {
    db.close();
  }
}
function expectExactlyOnce(applied: string[], expected: Stamped[]): void {
  const counts = new Map<string, number>();
  for (const e of applied) counts.set(e, (counts.get(e) ?? 0) + 1);
  expect([...counts].filter(([, n]) => n > 1)).toEqual([]);
  expect(new Set(applied)).toEqual(new Set(expected.map((s) => `${s.writer}/${s.seq}`)));
  expect(applied).toHaveLength(expected.length);
}

describe.each(CLIENTS)('reader > sink > %s', (kind) => {
  let client: KafkaClient;
  let admin: EosAdmin;
  const running: Array<Reader<unknown>> = [];
  beforeAll(async () => {
    client = await createClient({ client: kind, brokers: sharedBrokers() });
    admin = client.admin();
    await admin.connect();
  });
  afterAll(async () => {
    await Promise.all(running.map((r) => r.stop()));
    await admin?.disconnect();
    await client?.close();
  });
  const topic = async (prefix: string, numPartitions: number): Promise<string> => {
    const name = uniqueName(`${prefix}-${kind}`);
    await admin.createTopics([{ topic: name, numPartitions }]);
    return name;
  };
  const sqliteReader = (path: string, groupId: string, t: string, extra: { onBatch?: () => Promise<void> } = {}) => {
    const sink = createSqliteSink({ path });
    const reader = createReader<SqliteTx>({ client, groupId, topics: [t], sink, consumer: { sessionTimeoutMs: 3000, heartbeatIntervalMs: 500 } });
    running.push(reader as Reader<unknown>);
    return {
      reader,
      sink,
      start: async () => {
        await sink.open();
        await createEventsTable(sink);
        await reader.run({
          eachBatch: async (events, { tx }) => {
            await extra.onBatch?.();
            await insertEvents(sink, tx, events);
          },
        });
      },
    };
  };

  it('resumes from the offsets stored in the database, not from Kafka', async () => {
    const t = await topic('rs-resume', 1);
    const groupId = uniqueName('rs-resume');
    const path = join(dir, `${t}.db`);
    await produceStamped(client, t, sequences('w', 0, 20));
    const first = sqliteReader(path, groupId, t);
    await first.start();
    await waitFor('20 applied', () => sqliteEvents(path).length >= 20);
    await first.reader.stop();
    await first.sink.close();
    // Kafka got the offsets too (best effort, for lag monitoring).
    await waitFor('kafka offsets', async () => (await admin.committedOffsets(groupId, t))[0]!.offset === 20);
    // The database is rolled back to offset 5 (a restore from backup): the reader must follow it.
    const db = new Database(path);
    db.prepare('DELETE FROM events').run();
    db.prepare('UPDATE eoskit_offsets SET next_offset = 5, dedup_state = NULL').run();
    db.close();
    const second = sqliteReader(path, groupId, t);
    await second.start();
    await waitFor('15 applied again', () => sqliteEvents(path).length >= 15);
    await new Promise((r) => setTimeout(r, 500));
    await second.reader.stop();
    await second.sink.close();
    expectExactlyOnce(sqliteEvents(path), sequences('w', 5, 20));
  });

  it('a rebalance between two readers mid-stream loses and duplicates nothing', async () => {
    const t = await topic('rs-rebalance', 4);
    const groupId = uniqueName('rs-rebalance');
    const path = join(dir, `${t}.db`);
    let writing = true;
    let total = 0;
    const producing = (async () => {
      while (writing || total < 1200) {
        const chunk = sequences('w', total, total + 40);
        if (total >= 100) chunk.push(...sequences('w', total - 100, total - 95)); // repeats in the log
        await produceStamped(client, t, chunk, 4);
        total += 40;
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    const a = sqliteReader(path, groupId, t);
    await a.start();
    await waitFor('A applies', () => sqliteEvents(path).length > 100);
    const b = sqliteReader(path, groupId, t);
    await b.start();
    await waitFor('B takes partitions', () => b.reader.metrics().delivered > 50);
    await a.reader.stop(); // A leaves mid-stream: another rebalance
    writing = false;
    await producing;
    await waitFor('B catches up', () => sqliteEvents(path).length >= total, 60_000);
    await new Promise((r) => setTimeout(r, 1000));
    await b.reader.stop();
    await Promise.all([a.sink.close(), b.sink.close()]);
    expect(a.reader.metrics().delivered).toBeGreaterThan(0);
    expectExactlyOnce(sqliteEvents(path), sequences('w', 0, total));
  });

  it('a zombie that lost its partitions cannot commit what the new owner already applied', async () => {
    const t = await topic('rs-zombie', 2);
    const groupId = uniqueName('rs-zombie');
    const url = await pgServer.newDatabase();
    await produceStamped(client, t, sequences('w', 0, 200), 2);
    const started = (sink: ReturnType<typeof createPostgresSink>, stallMs: number) => {
      let stalled = false;
      const reader = createReader<PostgresTx>({
        client,
        groupId,
        topics: [t],
        sink,
        // A short poll interval: a handler stuck longer than this loses its partitions.
        consumer: { sessionTimeoutMs: 2000, heartbeatIntervalMs: 400, maxPollIntervalMs: 2500, maxBatchSize: 20 },
      });
      running.push(reader as Reader<unknown>);
      return {
        reader,
        run: () =>
          reader.run({
            eachBatch: async (events, { tx }) => {
              await insertEvents(sink, tx, events);
              if (!stalled && stallMs > 0) {
                stalled = true; // the first batch hangs inside its transaction, like a GC pause or a slow disk
                await new Promise((r) => setTimeout(r, stallMs));
              }
            },
          }),
      };
    };
    const sinkA = createPostgresSink({ url });
    await sinkA.open();
    await createEventsTable(sinkA);
    const a = started(sinkA, 8000);
    await a.run();
    await waitFor('A stalls in its first batch', () => a.reader.metrics().assignments > 0);
    await new Promise((r) => setTimeout(r, 1000));
    const sinkB = createPostgresSink({ url });
    const b = started(sinkB, 0);
    await b.run();
    const count = async (): Promise<string[]> => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      try {
        return (await c.query<{ value: string }>('SELECT value FROM events')).rows.map((r) => eventKey(r.value));
      } finally {
        await c.end();
      }
    };
    await waitFor('all 200 applied', async () => (await count()).length >= 200, 90_000);
    await new Promise((r) => setTimeout(r, 9000)); // let the zombie wake up and try to commit
    expectExactlyOnce(await count(), sequences('w', 0, 200));
    const conflicts = a.reader.metrics().sinkConflicts + b.reader.metrics().sinkConflicts;
    expect(conflicts).toBeGreaterThan(0);
    await Promise.all([a.reader.stop(), b.reader.stop()]);
    await Promise.all([sinkA.close(), sinkB.close()]);
  });
});
