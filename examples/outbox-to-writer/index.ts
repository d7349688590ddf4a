/**
 * outbox -> @eoskit/writer: orders are placed in SQLite with an outbox row each; a relay process
 * drains the outbox into Kafka with the outbox row id as the writer sequence. The demo SIGKILLs
 * the relay halfway, restarts it, and checks that Kafka holds every order's event exactly once.
 *
 *   npx tsx examples/outbox-to-writer/index.ts [--orders 3000] [--client kafkajs|confluent]
 *       [--mode idempotent|transactional] [--db shop.db] [--topic orders] [--json]
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startChild } from '../shared/child-process.js';
import type { Child } from '../shared/child-process.js';
import { clientKind, exampleCluster, prepareTopics, runName, say, sleep } from '../shared/example-cluster.js';
import { checkOutbox } from './check-outbox.js';
import { openShopDb, placeOrder } from './outbox-db.js';

const { values } = parseArgs({
  options: {
    orders: { type: 'string', default: '3000' },
    client: { type: 'string' },
    mode: { type: 'string', default: 'idempotent' },
    db: { type: 'string' },
    topic: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

async function main(): Promise<number> {
  const orders = Number(values.orders);
  if (!Number.isSafeInteger(orders) || orders < 10) return usage(`--orders must be a whole number >= 10, got "${values.orders}"`);
  if (values.mode !== 'idempotent' && values.mode !== 'transactional') return usage(`--mode must be idempotent or transactional, got "${values.mode}"`);
  const kind = clientKind(values.client);
  const tempDir = values.db === undefined ? mkdtempSync(join(tmpdir(), 'eoskit-outbox-')) : undefined;
  const dbPath = values.db ?? join(tempDir!, 'shop.db');
  const topic = values.topic ?? runName('orders');
  const writerId = `${topic}-outbox`;

  const cluster = await exampleCluster();
  const relays: Child[] = [];
  try {
    const client = await prepareTopics(kind, cluster.bootstrapServers.split(','), [{ topic, numPartitions: 3 }]);
    const relayArgs = ['--brokers', cluster.bootstrapServers, '--db', dbPath, '--topic', topic, '--writer-id', writerId, '--client', kind, '--mode', values.mode];
    const relayFile = new URL('./relay-process.ts', import.meta.url);
    const db = openShopDb(dbPath);

    // The application: places orders in bursts while the relay drains the outbox.
    const app = (async () => {
      for (let placed = 0; placed < orders; ) {
        for (const end = Math.min(orders, placed + Math.ceil(orders / 50)); placed < end; placed++) {
          placeOrder(db, topic, `customer-${placed % 17}`, 100 + (placed % 900));
        }
        await sleep(20);
      }
    })();

    say(`relay: starting (writer id ${writerId}, ${values.mode}, ${kind})`);
    const first = startChild(relayFile, relayArgs, 'relay 1');
    relays.push(first);
    const killAt = Math.floor(orders * 0.3);
    const before = await first.waitFor((e) => e.event === 'published' && Number(e.lastId) >= killAt);
    first.process.kill('SIGKILL');
    await first.exited;
    say(`relay: SIGKILLed after publishing up to outbox id ${String(before.lastId)} (writes may have been in flight)`);

    const second = startChild(relayFile, relayArgs, 'relay 2');
    relays.push(second);
    const resume = await second.waitFor((e) => e.event === 'resume');
    say(`relay: restarted; Kafka already had every row up to id ${String(resume.resumeAfterId)}, resuming after it`);
    await app;
    const lastId = (db.prepare("SELECT seq FROM sqlite_sequence WHERE name = 'outbox'").get() as { seq: number }).seq;
    db.close();
    await second.waitFor((e) => e.event === 'published' && Number(e.lastId) >= lastId);
    second.process.kill('SIGTERM');
    await second.exited;

    const check = await checkOutbox(client, topic, writerId, dbPath);
    await client.close();
    const result = { killedAfterId: before.lastId, resumedAfterId: resume.resumeAfterId, topic, writerId, mode: values.mode, client: kind, ...check };
    if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else {
      process.stdout.write(
        [
          `orders placed: ${check.orders}; relay SIGKILLed after id ${String(before.lastId)}, restarted and resumed after id ${String(resume.resumeAfterId)}`,
          `topic ${topic}: ${check.records} records, ${check.unique} distinct events, ${check.repeats} repeats (a sequence-dedup reader drops them), ${check.missing} missing`,
          `every order exactly once after dedup: ${check.exactlyOnceAfterDedup ? 'yes' : 'NO'}`,
          '',
        ].join('\n'),
      );
    }
    return check.exactlyOnceAfterDedup ? 0 : 1;
  } finally {
    for (const r of relays) r.process.kill('SIGKILL');
    await cluster.stop();
    if (tempDir !== undefined) rmSync(tempDir, { recursive: true, force: true });
  }
}

function usage(message: string): number {
  process.stderr.write(`outbox-to-writer: ${message}\n`);
  return 2;
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`outbox-to-writer: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
