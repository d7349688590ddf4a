/**
 * The reader as its own process, so the demo can SIGKILL it mid-batch. Applies each deposit to
 * PostgreSQL through the reader's PostgreSQL sink: the ledger row, the balance, the partition's
 * offset and its dedup watermarks commit in one database transaction. Prints JSON event lines
 * (`running`, then `progress` with the reader's metrics); stops cleanly on SIGTERM/SIGINT.
 *
 *   npx tsx examples/reader-to-postgres/reader-process.ts --brokers H:P --url postgres://... \
 *     --topic deposits --group bank [--client kafkajs|confluent] [--delay-ms 0]
 */
import { parseArgs } from 'node:util';
import { createPostgresSink, createReader } from '@eoskit/reader';
import type { PostgresTx } from '@eoskit/reader';
import { emit, stopSignal } from '../shared/child-process.js';
import { clientKind, sleep } from '../shared/example-cluster.js';
import { applyDeposit } from './bank-db.js';

const { values } = parseArgs({
  options: {
    brokers: { type: 'string' },
    url: { type: 'string' },
    topic: { type: 'string' },
    group: { type: 'string' },
    client: { type: 'string' },
    'delay-ms': { type: 'string', default: '0' },
  },
});
const { brokers, url, topic, group } = values;
const delayMs = Number(values['delay-ms']);

if (brokers === undefined || url === undefined || topic === undefined || group === undefined) {
  process.stderr.write('reader-process: --brokers, --url, --topic and --group are required\n');
  process.exitCode = 2;
} else {
  const signal = stopSignal();
  const sink = createPostgresSink({ url });
  const reader = createReader<PostgresTx>({
    client: clientKind(values.client),
    brokers: brokers.split(','),
    groupId: group,
    topics: [topic],
    sink,
    // Small batches: one database transaction each, so a SIGKILL lands between many of them.
    consumer: { maxBatchSize: 100, sessionTimeoutMs: 6000, heartbeatIntervalMs: 1000 },
    logger: { warn: (m) => process.stderr.write(`${m}\n`), error: (m) => process.stderr.write(`${m}\n`) },
  });
  await reader.run({
    eachEvent: async (event, { tx }) => {
      await applyDeposit(tx, event);
      if (delayMs > 0) await sleep(delayMs); // a slow handler, so the demo can kill the reader mid-stream
    },
  });
  emit('running');
  const progress = setInterval(() => {
    const m = reader.metrics();
    emit('progress', { delivered: m.delivered, duplicatesDropped: m.duplicatesDropped });
  }, 200);
  await Promise.race([reader.done(), new Promise((resolve) => signal.addEventListener('abort', resolve))]);
  clearInterval(progress);
  await reader.stop();
  await sink.close();
  const m = reader.metrics();
  emit('stopped', { delivered: m.delivered, duplicatesDropped: m.duplicatesDropped });
}
