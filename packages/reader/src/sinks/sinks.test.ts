import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsumedRecord } from '@eoskit/core';
import { afterAll, describe, expect, it } from 'vitest';
import { usePostgres } from '../../../../test/helpers/postgres.js';
import { topicPartitionKey } from '../topic-partition-key.js';
import { createEventsTable, insertEvents } from './events-table.js';
import type { BuiltinSink } from './events-table.js';
import { createPostgresSink } from './postgres-sink.js';
import { SinkConflictError } from './sink-conflict-error.js';
import { createSqliteSink } from './sqlite-sink.js';

const pg = usePostgres();
const dir = mkdtempSync(join(tmpdir(), 'eoskit-sink-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const factories: Record<string, () => Promise<BuiltinSink>> = {
  sqlite: async () => createSqliteSink({ path: join(dir, `s${n++}.db`) }),
  postgres: async () => createPostgresSink({ url: await pg.newDatabase() }),
};

const tp = { topic: 'orders', partition: 3 };
const record = (offset: number): ConsumedRecord => ({
  ...tp,
  offset,
  key: Buffer.from(`k${offset}`),
  value: Buffer.from(`{"v":${offset}}`),
  headers: {},
  timestamp: 0,
});

async function countEvents(sink: BuiltinSink): Promise<number> {
  return sink.kind === 'sqlite'
    ? (sink as ReturnType<typeof createSqliteSink>).transaction('', [], (db) => (db.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n)
    : (sink as ReturnType<typeof createPostgresSink>).transaction('', [], async (c) => Number((await c.query('SELECT count(*) AS n FROM events')).rows[0].n));
}

describe.each(Object.keys(factories))('reader > sinks > %s', (kind) => {
  it('commits effects, offset and dedup state together and reads them back', async () => {
    const sink = await factories[kind]!();
    await sink.open();
    await sink.open(); // idempotent
    await createEventsTable(sink);
    expect(await sink.positions('g', [tp])).toEqual(new Map());
    await sink.transaction('g', [{ ...tp, expectedOffset: null, offset: 2, state: 's2' }], (tx) =>
      insertEvents(sink, tx, [record(0), record(1)]),
    );
    await sink.transaction('g', [{ ...tp, expectedOffset: 2, offset: 3, state: 's3' }], (tx) => insertEvents(sink, tx, [record(2)]));
    expect(await sink.positions('g', [tp, { topic: 'orders', partition: 0 }])).toEqual(
      new Map([[topicPartitionKey(tp), { offset: 3, state: 's3' }]]),
    );
    expect(await sink.positions('other-group', [tp])).toEqual(new Map());
    expect(await countEvents(sink)).toBe(3);
    await sink.close();
  });

  it('commits nothing when the handler fails', async () => {
    const sink = await factories[kind]!();
    await sink.open();
    await createEventsTable(sink);
    const boom = new Error('handler failed');
    await expect(
      sink.transaction('g', [{ ...tp, expectedOffset: null, offset: 5, state: null }], async (tx) => {
        await insertEvents(sink, tx, [record(0)]);
        throw boom;
      }),
    ).rejects.toBe(boom);
    expect(await sink.positions('g', [tp])).toEqual(new Map());
    expect(await countEvents(sink)).toBe(0);
    await sink.close();
  });

  it('refuses a commit from a stale offset (a zombie) and rolls its effects back', async () => {
    const sink = await factories[kind]!();
    await sink.open();
    await createEventsTable(sink);
    await sink.transaction('g', [{ ...tp, expectedOffset: null, offset: 10, state: null }], () => undefined);
    // The new owner advances 10 -> 20; the zombie still believes 10 is stored.
    await sink.transaction('g', [{ ...tp, expectedOffset: 10, offset: 20, state: 'new' }], () => undefined);
    let ran = false;
    const zombie = sink.transaction('g', [{ ...tp, expectedOffset: 10, offset: 15, state: 'zombie' }], async (tx) => {
      ran = true;
      await insertEvents(sink, tx, [record(10)]);
    });
    await expect(zombie).rejects.toBeInstanceOf(SinkConflictError);
    await expect(zombie).rejects.toMatchObject({ code: 'SINK_CONFLICT', partitions: [tp] });
    expect(ran).toBe(false);
    // A second "first" commit of the same partition conflicts too.
    await expect(sink.transaction('g', [{ ...tp, expectedOffset: null, offset: 1, state: null }], () => undefined)).rejects.toBeInstanceOf(
      SinkConflictError,
    );
    expect(await sink.positions('g', [tp])).toEqual(new Map([[topicPartitionKey(tp), { offset: 20, state: 'new' }]]));
    expect(await countEvents(sink)).toBe(0);
    await sink.close();
  });

  it('lets exactly one of two racing commits from the same offset through', async () => {
    const sink = await factories[kind]!();
    const other = kind === 'sqlite' ? createSqliteSink({ path: sink.description.slice('sqlite:'.length) }) : sink;
    await sink.open();
    await other.open();
    await createEventsTable(sink);
    await sink.transaction('g', [{ ...tp, expectedOffset: null, offset: 0, state: null }], () => undefined);
    const slow = (s: BuiltinSink, offset: number) =>
      (s as ReturnType<typeof createSqliteSink>).transaction('g', [{ ...tp, expectedOffset: 0, offset, state: null }], async (tx) => {
        await insertEvents(s, tx as never, [record(offset)]);
        await new Promise((r) => setTimeout(r, 50));
      });
    const results = await Promise.allSettled([slow(sink, 7), slow(other, 9)]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(SinkConflictError);
    expect(await countEvents(sink)).toBe(1);
    await sink.close();
    if (other !== sink) await other.close();
  });
});
