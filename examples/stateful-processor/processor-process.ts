/**
 * The processor as its own process, so the demo can SIGKILL it mid-checkpoint. Keeps each account's
 * payment count and balance in keyed state and emits the running totals after every payment.
 * Prints JSON event lines (`running`, then `progress` with the processor's metrics); stops cleanly
 * on SIGTERM/SIGINT (committing the open checkpoint). `--crash` makes the process SIGKILL itself in
 * the middle of a checkpoint: after at least one checkpoint committed, once outputs handed to the
 * producer after that commit have had 300 ms to reach Kafka. That is the moment an at-least-once
 * pipeline would leave duplicates.
 *
 *   npx tsx examples/stateful-processor/processor-process.ts --brokers H:P --input payments \
 *     --output balances --group balances [--client kafkajs|confluent] [--crash]
 */
import { parseArgs } from 'node:util';
import { createProcessor } from '@eoskit/processor';
import { emit, stopSignal } from '../shared/child-process.js';
import { clientKind, sleep } from '../shared/example-cluster.js';
import type { BalanceUpdate, Payment } from './payments.js';

const { values } = parseArgs({
  options: {
    brokers: { type: 'string' },
    input: { type: 'string' },
    output: { type: 'string' },
    group: { type: 'string' },
    client: { type: 'string' },
    crash: { type: 'boolean', default: false },
  },
});
const { brokers, input, output, group } = values;
const crash = values.crash === true;
// Outputs sent as of the last commit (sends happen at the end of a batch, commits after it).
let seenCommitAt = 0;
let producedAtCommit = 0;

if (brokers === undefined || input === undefined || output === undefined || group === undefined) {
  process.stderr.write('processor-process: --brokers, --input, --output and --group are required\n');
  process.exitCode = 2;
} else {
  const signal = stopSignal();
  const processor = createProcessor({
    client: clientKind(values.client),
    brokers: brokers.split(','),
    groupId: group,
    inputs: [input],
    outputs: [output],
    transactionalIdPrefix: group,
    // confluent (per-process fencing): the restarted process reuses this id and fences its killed predecessor at once.
    instanceId: 'example-1',
    consumer: { sessionTimeoutMs: 6000, heartbeatIntervalMs: 1000 },
    // --crash: checkpoints of 800 records, never of time. A batch holds at most 500 records, so whatever the
    // machine's speed, the batch after the first commit is sent while its checkpoint stays open, and the
    // next one finds it there: the crash is certain to come mid-checkpoint, with outputs in the log.
    checkpoint: crash ? { intervalMs: 15_000, maxRecords: 800 } : { intervalMs: 1000 },
    logger: { warn: (m) => process.stderr.write(`${m}\n`), error: (m) => process.stderr.write(`${m}\n`) },
    process: async (event, ctx) => {
      const p = JSON.parse(event.value!.toString()) as Payment;
      // State changes commit in the same Kafka transaction as the output and the input offset.
      const totals = ctx.state.get<{ count: number; balanceCents: number }>(p.account) ?? { count: 0, balanceCents: 0 };
      const next = { count: totals.count + 1, balanceCents: totals.balanceCents + p.amountCents };
      ctx.state.put(p.account, next);
      const m = processor.metrics();
      if (m.lastCommitAt !== seenCommitAt) [seenCommitAt, producedAtCommit] = [m.lastCommitAt, m.produced];
      if (crash && seenCommitAt > 0 && m.produced > producedAtCommit) {
        // No checkpoint commits while process() runs, so 300 ms lets the producer deliver them: they really are in the log.
        await sleep(300);
        process.kill(process.pid, 'SIGKILL'); // no cleanup, no final commit: a crash
      }
      const update: BalanceUpdate = { account: p.account, ...next, paymentId: p.paymentId };
      return { topic: output, key: p.account, value: JSON.stringify(update) };
    },
  });
  await processor.start();
  emit('running');
  const progress = setInterval(() => {
    const m = processor.metrics();
    emit('progress', { committedRecords: m.committedRecords, duplicatesDropped: m.duplicatesDropped, aborted: m.aborted, restores: m.restores });
  }, 200);
  await Promise.race([processor.done(), new Promise((resolve) => signal.addEventListener('abort', resolve))]);
  clearInterval(progress);
  await processor.stop();
  const m = processor.metrics();
  emit('stopped', { committedRecords: m.committedRecords, duplicatesDropped: m.duplicatesDropped, restores: m.restores });
}
