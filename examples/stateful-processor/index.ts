/**
 * @eoskit/processor with keyed state: payments (plus the repeats a crashed writer leaves) become
 * running balances per account. The processor process is SIGKILLed mid-stream and restarted; at
 * the end every account's updates count 1, 2, ..., n with no gap or repeat, and every final balance
 * is exact, as read_committed consumers see the output.
 *
 *   npx tsx examples/stateful-processor/index.ts [--payments 3000] [--repeats 300]
 *       [--client kafkajs|confluent] [--topic payments] [--json]
 */
import { parseArgs } from 'node:util';
import { readTopic } from '@eoskit/reader';
import { startChild } from '../shared/child-process.js';
import type { Child } from '../shared/child-process.js';
import { clientKind, exampleCluster, prepareTopics, runName, say, sleep } from '../shared/example-cluster.js';
import { checkBalances, publishPayments } from './payments.js';

const { values } = parseArgs({
  options: {
    payments: { type: 'string', default: '3000' },
    repeats: { type: 'string', default: '300' },
    client: { type: 'string' },
    topic: { type: 'string' },
    json: { type: 'boolean', default: false },
  },
});

async function main(): Promise<number> {
  const count = Number(values.payments);
  const repeats = Number(values.repeats);
  // Enough input for a checkpoint to commit and the next one to be underway when the processor crashes.
  if (!Number.isSafeInteger(count) || count < 2000) return usage(`--payments must be a whole number >= 2000, got "${values.payments}"`);
  if (!Number.isSafeInteger(repeats) || repeats < 0) return usage(`--repeats must be a whole number >= 0, got "${values.repeats}"`);
  const kind = clientKind(values.client);
  const input = values.topic ?? runName('payments');
  const output = `${input}-balances`;
  const group = `${input}-processor`;

  const cluster = await exampleCluster();
  const procs: Child[] = [];
  try {
    const brokers = cluster.bootstrapServers.split(',');
    const client = await prepareTopics(kind, brokers, [
      { topic: input, numPartitions: 3 },
      { topic: output, numPartitions: 3 },
    ]);
    await publishPayments({ client: kind, brokers, topic: input, writerId: `${input}-gateway`, count, repeats });
    say(`kafka: published ${count} payments to ${input}, then ${repeats} repeats of them`);

    const file = new URL('./processor-process.ts', import.meta.url);
    const args = ['--brokers', cluster.bootstrapServers, '--input', input, '--output', output, '--group', group, '--client', kind];
    const first = startChild(file, [...args, '--crash'], 'processor 1');
    procs.push(first);
    // unref: the deadline must not keep the demo alive once it is done.
    const deadline = new Promise<string>((resolve) => setTimeout(resolve, 120_000, 'still running after 120 s').unref());
    const how = await Promise.race([first.exited, deadline]);
    const progress = first.events.filter((e) => e.event === 'progress');
    if (how !== 'SIGKILL') {
      const last = progress.at(-1);
      const seen = last === undefined ? 'no progress reported' : `last progress: ${JSON.stringify(last)}`;
      throw new Error(`processor 1 was expected to crash itself mid-checkpoint, but: ${String(how)} (${seen})`);
    }
    const before = { committedRecords: Number(progress.at(-1)?.committedRecords ?? 0), how };
    say(`processor: crashed (${String(how)}) mid-checkpoint, outputs sent but not committed; ${before.committedRecords} input records were committed`);

    const second = startChild(file, args, 'processor 2');
    procs.push(second);
    say('processor: restarted; it fences the killed one and restores state from the changelog');
    const admin = client.admin();
    await admin.connect();
    const end = (await admin.partitionOffsets(input)).reduce((n, p) => n + p.high, 0);
    // Done when the group's committed offsets (committed with the outputs, in one transaction) reach the end.
    for (let committed = 0; committed < end; await sleep(200)) {
      committed = (await admin.committedOffsets(group, input)).reduce((n, p) => n + Math.max(0, p.offset), 0);
    }
    await admin.disconnect();
    second.process.kill('SIGTERM');
    await second.exited;
    const stopped = second.events.find((e) => e.event === 'stopped');

    const committed = await readTopic(client, output);
    await client.close();
    const check = checkBalances(committed, count);
    const result = {
      input,
      output,
      client: kind,
      payments: count,
      repeatsPublished: repeats,
      crashedWith: before.how,
      committedBeforeKill: before.committedRecords,
      restoredPartitions: stopped?.restores,
      ...check,
    };
    if (values.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    else {
      process.stdout.write(
        [
          `payments: ${count} (+${repeats} repeats); processor SIGKILLed mid-checkpoint after ${before.committedRecords} committed, restarted`,
          `balance updates visible to read_committed: ${check.updates} (duplicates dropped by the restarted processor: ${String(stopped?.duplicatesDropped)})`,
          `accounts with a gap or repeat: ${check.accountsWithGapsOrRepeats}; wrong final balances: ${check.wrongBalances}`,
          `every payment counted exactly once: ${check.exactlyOnce ? 'yes' : 'NO'}`,
          '',
        ].join('\n'),
      );
    }
    return check.exactlyOnce ? 0 : 1;
  } finally {
    for (const p of procs) p.process.kill('SIGKILL');
    await cluster.stop();
  }
}

function usage(message: string): number {
  process.stderr.write(`stateful-processor: ${message}\n`);
  return 2;
}

main().then(
  (code) => (process.exitCode = code),
  (err: unknown) => {
    process.stderr.write(`stateful-processor: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
