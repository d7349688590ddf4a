import type { ConsumedRecord } from '@eoskit/core';
import { publishWithRepeats, type PublishWithRepeatsOptions } from '../shared/publish-with-repeats.js';

/** A payment event: money into an account. */
export interface Payment {
  paymentId: string;
  account: string;
  amountCents: number;
}

/** What the processor emits after each payment: the account's running totals. */
export interface BalanceUpdate {
  account: string;
  /** Payments applied to this account so far: 1, 2, 3, ... exactly once each. */
  count: number;
  balanceCents: number;
  paymentId: string;
}

/** Payment number `seq` (deterministic, so the check can compute the expected balances). */
export function payment(seq: number): Payment {
  return { paymentId: `pay-${seq}`, account: `acct-${seq % 20}`, amountCents: 50 + ((seq * 53) % 950) };
}

/**
 * Publishes payments 0..count-1 with an idempotent eoskit writer, then `repeats` of them again with
 * the same writer id and sequence (what a writer killed before its acks leaves behind). The
 * processor's sequence dedup must drop those before they reach the state.
 */
export function publishPayments(o: Omit<PublishWithRepeatsOptions, 'event'>): Promise<void> {
  return publishWithRepeats({ ...o, event: (seq) => ({ key: payment(seq).account, value: JSON.stringify(payment(seq)) }) });
}

/** The outcome of a run, from the output topic as `read_committed` consumers see it. */
export interface BalancesCheck {
  /** Balance updates visible to read_committed consumers. */
  updates: number;
  /** Accounts whose updates do not count 1, 2, ..., n (a gap or a repeat). */
  accountsWithGapsOrRepeats: number;
  /** Accounts whose last balance is not the sum of their payments. */
  wrongBalances: number;
  exactlyOnce: boolean;
}

/** Checks the committed output against payments 0..count-1. */
export function checkBalances(output: ConsumedRecord[], count: number): BalancesCheck {
  const expected = new Map<string, { n: number; cents: number }>();
  for (let seq = 0; seq < count; seq++) {
    const p = payment(seq);
    const e = expected.get(p.account) ?? { n: 0, cents: 0 };
    expected.set(p.account, { n: e.n + 1, cents: e.cents + p.amountCents });
  }
  const byAccount = new Map<string, BalanceUpdate[]>();
  for (const r of output) {
    const u = JSON.parse(r.value!.toString()) as BalanceUpdate;
    byAccount.set(u.account, [...(byAccount.get(u.account) ?? []), u]);
  }
  let gaps = 0;
  let wrong = 0;
  for (const [account, e] of expected) {
    const updates = byAccount.get(account) ?? []; // one account: one partition, so in offset order
    if (updates.length !== e.n || updates.some((u, i) => u.count !== i + 1)) gaps += 1;
    if (updates.at(-1)?.balanceCents !== e.cents) wrong += 1;
  }
  const unexpected = [...byAccount.keys()].filter((a) => !expected.has(a)).length;
  return { updates: output.length, accountsWithGapsOrRepeats: gaps + unexpected, wrongBalances: wrong, exactlyOnce: gaps + unexpected + wrong === 0 && output.length === count };
}
