import { createClient } from '@eoskit/core';
import { readTopic } from '@eoskit/reader';
import { describe, expect, it } from 'vitest';
import { sharedCluster, spawnTsScript, uniqueName } from '../../test/helpers/kafka.js';
import { payment } from './payments.js';

describe('examples > stateful-processor', () => {
  it.each(['kafkajs', 'confluent'])('%s: running balances count every payment once across a SIGKILL of the processor', async (client) => {
    const input = uniqueName(`payments-${client}`);
    const env = { ...process.env, EOS_BOOTSTRAP_SERVERS: sharedCluster(1).bootstrapServers };
    const run = spawnTsScript(
      "import '{{repo}}/examples/stateful-processor/index.ts';",
      ['--payments', '2000', '--repeats', '200', '--client', client, '--topic', input, '--json'],
      env,
    );
    expect(await run.exited, run.stderr()).toBe(0);
    const report = JSON.parse(run.stdout().trim()) as { committedBeforeKill: number; output: string };
    expect(report.committedBeforeKill).toBeGreaterThan(0);
    expect(report.committedBeforeKill).toBeLessThan(2200); // killed mid-stream, with work left

    // Independent check of what read_committed consumers see in the output topic.
    const kafka = await createClient({ client: 'kafkajs', brokers: sharedCluster(1).bootstrapServers.split(',') });
    try {
      expect(await readTopic(kafka, input)).toHaveLength(2200); // the repeats were really there
      const counts = new Map<string, number[]>();
      const balances = new Map<string, number>();
      for (const r of await readTopic(kafka, `${input}-balances`)) {
        const u = JSON.parse(r.value!.toString()) as { account: string; count: number; balanceCents: number };
        counts.set(u.account, [...(counts.get(u.account) ?? []), u.count]);
        balances.set(u.account, u.balanceCents); // records of one key come in offset order
      }
      const expected = new Map<string, { n: number; cents: number }>();
      for (let s = 0; s < 2000; s++) {
        const p = payment(s);
        const e = expected.get(p.account) ?? { n: 0, cents: 0 };
        expected.set(p.account, { n: e.n + 1, cents: e.cents + p.amountCents });
      }
      expect([...counts.keys()].sort()).toEqual([...expected.keys()].sort());
      for (const [account, e] of expected) {
        expect(counts.get(account), account).toEqual(Array.from({ length: e.n }, (_, i) => i + 1));
        expect(balances.get(account), account).toBe(e.cents);
      }
    } finally {
      await kafka.close();
    }
  });
});
