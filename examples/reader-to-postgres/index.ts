/**
 * @eoskit/reader -> PostgreSQL, exactly once: deposits (with the repeats a crashed writer leaves)
 * are applied to account balances by a reader process that the demo SIGKILLs mid-stream and
 * restarts. At the end every deposit is in the ledger once and every balance is exact.
 *
 *   npx tsx examples/reader-to-postgres/index.ts [--deposits 2000] [--repeats 200]
 *       [--client kafkajs|confluent] [--topic deposits] [--json]
 *
 * PostgreSQL: DATABASE_URL (a database the example may create tables in), else a throwaway server
 * from the machine's PostgreSQL packages (as eoskit's tests do).
 */
import { parseArgs } from 'node:util';
import pg from 'pg';
import { startPostgres } from '../../test/setup/postgres-server.js';
import { startChild } from '../shared/child-process.js';
import type { Child } from '../shared/child-process.js';
import { clientKind, exampleCluster, prepareTopics, runName, say, sleep } from '../shared/example-cluster.js';
import { checkBank, createBankTables } from './bank-db.js';
import { publishDeposits } from './publish-deposits.js';

const { values } = parseArgs({
  options: {
    deposits: { type: 'string', default: '2000' },
    repeats: { type: 'string', default: '200' },
    client: { type: 'string' },
    topic: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

async function main(): Promise<number> {
  const count = Number(values.deposits);
  const repeats = Number(values.repeats);
  if (!Number.isSafeInteger(count) || count < 100) return usage(`--deposits must be a whole number >= 100, got "${values.deposits}"`);
  if (!Number.isSafeInteger(repeats) || repeats < 0) return usage(`--repeats must be a whole number >= 0, got "${values.repeats}"`);
  const kind = clientKind(values.client);
  const topic = values.topic ?? runName('deposits');
  const group = `${topic}-bank`;

  const throwaway = process.env.DATABASE_URL ? undefined : await startPostgres();
  const url = process.env.DATABASE_URL ?? throwaway!.url;
  say(throwaway ? `postgres: started a throwaway server on port ${throwaway.port}` : 'postgres: using DATABASE_URL');
  const cluster = await exampleCluster();
  const readers: Child[] = [];
  try {
    const brokers = cluster.bootstrapServers.split(',');
    const client = await prepareTopics(kind, brokers, [{ topic, numPartitions: 3 }]);
    await createBankTables(url);
    await publishDeposits({ client: kind, brokers, topic, writerId: `${topic}-service`, count, repeats });
    say(`kafka: published ${count} deposits to ${topic}, then ${repeats} repeats of them`);

    const readerFile = new URL('./reader-process.ts', import.meta.url);
    const args = ['--brokers', cluster.bootstrapServers, '--url', url, '--topic', topic, '--group', group, '--client', kind];
    const first = startChild(readerFile, [...args, '--delay-ms', '2'], 'reader 1');
    readers.push(first);
    const killAt = Math.floor(count * 0.3);
    await waitUntil(async () => (await ledgerRows(url)) >= killAt, 120_000);
    first.process.kill('SIGKILL');
    await first.exited;
    const appliedAtKill = await ledgerRows(url);
    say(`reader: SIGKILLed with ${appliedAtKill} deposits applied, mid-stream`);

    const second = startChild(readerFile, args, 'reader 2');
    readers.push(second);
    say('reader: restarted; it resumes from the offsets stored in PostgreSQL');
    const admin = client.admin();
    await admin.connect();
    const end = (await admin.partitionOffsets(topic)).reduce((n, p) => n + p.high, 0);
    await admin.disconnect();
    // Caught up when the offsets stored with the data reach the end of every partition.
    await waitUntil(async () => (await storedOffsets(url, group)) >= end, 120_000);
    second.process.kill('SIGTERM');
    await second.exited;
    const stopped = second.events.find((e) => e.event === 'stopped');
    await client.close();

    const check = await checkBank(url, count);
    const result = { topic, client: kind, deposits: count, repeatsPublished: repeats, appliedAtKill, duplicatesDroppedAfterRestart: stopped?.duplicatesDropped, ...check };
    if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else {
      process.stdout.write(
        [
          `deposits published: ${count} (+${repeats} repeats); reader SIGKILLed after ${appliedAtKill} applied, restarted`,
          `ledger rows: ${check.applied}; applied twice: ${check.appliedTwice}; missing: ${check.missing}; wrong balances: ${check.wrongBalances}`,
          `every deposit applied exactly once: ${check.exactlyOnce ? 'yes' : 'NO'}`,
          '',
        ].join('\n'),
      );
    }
    return check.exactlyOnce ? 0 : 1;
  } finally {
    for (const r of readers) r.process.kill('SIGKILL');
    await cluster.stop();
    throwaway?.stop();
  }
}

async function query(url: string, sql: string, params: unknown[] = []): Promise<number> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const res = await client.query<{ n: string | null }>(sql, params);
    return Number(res.rows[0]?.n ?? 0);
  } finally {
    await client.end();
  }
}

const ledgerRows = (url: string) => query(url, 'SELECT count(*) AS n FROM ledger');
const storedOffsets = (url: string, group: string) =>
  query(url, 'SELECT sum(next_offset) AS n FROM eoskit_offsets WHERE group_id = $1', [group]).catch(() => 0);

async function waitUntil(check: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`gave up after ${timeoutMs} ms`);
    await sleep(50);
  }
}

function usage(message: string): number {
  process.stderr.write(`reader-to-postgres: ${message}\n`);
  return 2;
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`reader-to-postgres: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
