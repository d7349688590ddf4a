import type { ConsumedRecord } from '@eoskit/core';
import type { PostgresTx } from '@eoskit/reader';
import pg from 'pg';

/** A deposit event, as the bank's upstream service publishes it. */
export interface Deposit {
  depositId: string;
  account: string;
  amountCents: number;
}

/** The deposit with sequence `seq` (deterministic, so any process can compute the expected balances). */
export function deposit(seq: number): Deposit {
  return { depositId: `dep-${seq}`, account: `acct-${seq % 25}`, amountCents: 100 + ((seq * 37) % 1000) };
}

/**
 * Tables the reader applies deposits to. Neither has a constraint that would make a second
 * application fail: adding to a balance is not idempotent, so applying an event twice would
 * silently double it. Exactly-once has to come from the reader and its sink.
 */
export async function createBankTables(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`
      CREATE TABLE IF NOT EXISTS accounts (account TEXT PRIMARY KEY, balance_cents BIGINT NOT NULL);
      CREATE TABLE IF NOT EXISTS ledger (deposit_id TEXT NOT NULL, account TEXT NOT NULL, amount_cents BIGINT NOT NULL,
        topic TEXT NOT NULL, partition INTEGER NOT NULL, "offset" BIGINT NOT NULL)`);
  } finally {
    await client.end();
  }
}

/** Applies one deposit inside the reader's sink transaction (`tx`): it commits with the offset or not at all. */
export async function applyDeposit(tx: PostgresTx, event: ConsumedRecord): Promise<void> {
  const d = JSON.parse(event.value!.toString()) as Deposit;
  await tx.query('INSERT INTO ledger VALUES ($1, $2, $3, $4, $5, $6)', [d.depositId, d.account, d.amountCents, event.topic, event.partition, event.offset]);
  await tx.query(
    `INSERT INTO accounts VALUES ($1, $2)
     ON CONFLICT (account) DO UPDATE SET balance_cents = accounts.balance_cents + EXCLUDED.balance_cents`,
    [d.account, d.amountCents],
  );
}

/** The database compared with the deposits 0..count-1 that were published. */
export interface BankCheck {
  /** Ledger rows. */
  applied: number;
  /** Deposits applied more than once (extra applications). */
  appliedTwice: number;
  /** Deposits never applied. */
  missing: number;
  /** Accounts whose balance differs from the sum of their deposits. */
  wrongBalances: number;
  exactlyOnce: boolean;
}

/** Checks ledger and balances against what deposits 0..count-1 must produce. */
export async function checkBank(url: string, count: number): Promise<BankCheck> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const ledger = await client.query<{ deposit_id: string; n: string }>('SELECT deposit_id, count(*) AS n FROM ledger GROUP BY deposit_id');
    const times = new Map(ledger.rows.map((r) => [r.deposit_id, Number(r.n)]));
    const expected = new Map<string, number>();
    let missing = 0;
    for (let seq = 0; seq < count; seq++) {
      const d = deposit(seq);
      expected.set(d.account, (expected.get(d.account) ?? 0) + d.amountCents);
      if (!times.has(d.depositId)) missing += 1;
    }
    const appliedTwice = [...times.values()].reduce((n, t) => n + t - 1, 0);
    const balances = await client.query<{ account: string; balance_cents: string }>('SELECT account, balance_cents FROM accounts');
    const actual = new Map(balances.rows.map((r) => [r.account, Number(r.balance_cents)]));
    const accounts = new Set([...expected.keys(), ...actual.keys()]);
    const wrongBalances = [...accounts].filter((a) => expected.get(a) !== actual.get(a)).length;
    const applied = [...times.values()].reduce((n, t) => n + t, 0);
    return { applied, appliedTwice, missing, wrongBalances, exactlyOnce: appliedTwice === 0 && missing === 0 && wrongBalances === 0 && times.size === count };
  } finally {
    await client.end();
  }
}
