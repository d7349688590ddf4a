import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { createClient, decodeWriterHeaders } from '@eoskit/core';
import { readTopic } from '@eoskit/reader';
import { afterAll, describe, expect, it } from 'vitest';
import { sharedCluster, spawnTsScript, uniqueName } from '../../test/helpers/kafka.js';

const dir = mkdtempSync(join(tmpdir(), 'eoskit-example-outbox-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the example as a user would (`npx tsx examples/outbox-to-writer/index.ts ...`) on the shared cluster. */
function runExample(args: string[]) {
  const env = { ...process.env, EOS_BOOTSTRAP_SERVERS: sharedCluster(1).bootstrapServers };
  return spawnTsScript("import '{{repo}}/examples/outbox-to-writer/index.ts';", args, env);
}

describe('examples > outbox-to-writer', () => {
  it.each([
    ['kafkajs', 'idempotent'],
    ['confluent', 'transactional'],
  ])('%s %s: the relay is SIGKILLed mid-drain and every order still reaches Kafka once after dedup', async (client, mode) => {
    const db = join(dir, `${client}-${mode}.db`);
    const topic = uniqueName(`outbox-${client}`);
    const run = runExample(['--orders', '4000', '--client', client, '--mode', mode, '--db', db, '--topic', topic, '--json']);
    expect(await run.exited, run.stderr()).toBe(0);
    const report = JSON.parse(run.stdout().trim()) as { killedAfterId: number; resumedAfterId: number };
    // The crash really happened halfway: the restarted relay had work left.
    expect(report.killedAfterId).toBeLessThan(4000);
    expect(report.resumedAfterId).toBeLessThan(4000);

    // Independent check: the orders in SQLite against the events in Kafka, deduplicated the way the
    // sequence reader does (writer, partition, sequence at or below the highest seen is a repeat).
    const sqlite = new Database(db, { readonly: true });
    const orderIds = (sqlite.prepare('SELECT id FROM orders ORDER BY id').all() as Array<{ id: number }>).map((r) => r.id);
    const leftInOutbox = (sqlite.prepare('SELECT count(*) AS n FROM outbox').get() as { n: number }).n;
    sqlite.close();
    expect(orderIds).toHaveLength(4000);
    expect(leftInOutbox).toBe(0); // published rows are pruned only once durable

    const kafka = await createClient({ client: 'kafkajs', brokers: sharedCluster(1).bootstrapServers.split(',') });
    const records = await readTopic(kafka, topic);
    await kafka.close();
    const highest = new Map<number, number>();
    const delivered: number[] = [];
    for (const r of records) {
      const stamp = decodeWriterHeaders(r.headers);
      expect(stamp?.writerId).toBe(`${topic}-outbox`);
      if (stamp!.sequence <= (highest.get(r.partition) ?? -1)) continue;
      highest.set(r.partition, stamp!.sequence);
      delivered.push((JSON.parse(r.value!.toString()) as { orderId: number }).orderId);
    }
    expect(delivered.sort((a, b) => a - b)).toEqual(orderIds);
    if (mode === 'transactional') expect(records).toHaveLength(4000); // read_committed never sees a repeat
  });

  it('refuses a bad option with one line naming it', async () => {
    const run = runExample(['--orders', 'many']);
    expect(await run.exited).toBe(2);
    expect(run.stderr().trim()).toBe('outbox-to-writer: --orders must be a whole number >= 10, got "many"');
  });
});
