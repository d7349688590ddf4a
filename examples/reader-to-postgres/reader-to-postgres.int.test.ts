import pg from 'pg';
import { createClient } from '@eoskit/core';
import { readTopic } from '@eoskit/reader';
import { describe, expect, it } from 'vitest';
import { sharedCluster, spawnTsScript, uniqueName } from '../../test/helpers/kafka.js';
import { usePostgres } from '../../test/helpers/postgres.js';
import { deposit } from './bank-db.js';

const postgres = usePostgres();

describe('examples > reader-to-postgres', () => {
  it.each(['kafkajs', 'confluent'])('%s: deposits and their repeats are applied exactly once across a SIGKILL of the reader', async (client) => {
    const url = await postgres.newDatabase();
    const topic = uniqueName(`deposits-${client}`);
    const env = { ...process.env, EOS_BOOTSTRAP_SERVERS: sharedCluster(1).bootstrapServers, DATABASE_URL: url };
    const run = spawnTsScript(
      "import '{{repo}}/examples/reader-to-postgres/index.ts';",
      ['--deposits', '1500', '--repeats', '150', '--client', client, '--topic', topic, '--json'],
      env,
    );
    expect(await run.exited, run.stderr()).toBe(0);
    const report = JSON.parse(run.stdout().trim()) as { appliedAtKill: number };
    expect(report.appliedAtKill).toBeGreaterThan(0);
    expect(report.appliedAtKill).toBeLessThan(1500); // killed mid-stream, not after the end

    // The topic really holds the repeats (so dedup had work to do)...
    const kafka = await createClient({ client: 'kafkajs', brokers: sharedCluster(1).bootstrapServers.split(',') });
    expect(await readTopic(kafka, topic)).toHaveLength(1650);
    await kafka.close();

    // ...and PostgreSQL holds each deposit once, with exact balances.
    const db = new pg.Client({ connectionString: url });
    await db.connect();
    try {
      const ledger = await db.query<{ deposit_id: string; n: string }>('SELECT deposit_id, count(*) AS n FROM ledger GROUP BY deposit_id');
      expect(ledger.rows.filter((r) => r.n !== '1')).toEqual([]);
      expect(new Set(ledger.rows.map((r) => r.deposit_id))).toEqual(new Set(Array.from({ length: 1500 }, (_, s) => `dep-${s}`)));
      const expected: Record<string, number> = {};
      for (let s = 0; s < 1500; s++) expected[deposit(s).account] = (expected[deposit(s).account] ?? 0) + deposit(s).amountCents;
      const balances = await db.query<{ account: string; balance_cents: string }>('SELECT account, balance_cents FROM accounts');
      expect(Object.fromEntries(balances.rows.map((r) => [r.account, Number(r.balance_cents)]))).toEqual(expected);
    } finally {
      await db.end();
    }
  });
});
