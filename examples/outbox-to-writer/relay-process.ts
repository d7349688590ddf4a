/**
 * The relay as its own process, so the demo can SIGKILL it like a crash. Prints JSON event lines:
 * `resume` once recovered, `published` after each round; stops cleanly on SIGTERM/SIGINT.
 *
 *   npx tsx examples/outbox-to-writer/relay-process.ts --brokers H:P --db shop.db --topic orders \
 *     --writer-id shop-outbox [--client kafkajs|confluent] [--mode idempotent|transactional]
 */
import { parseArgs } from 'node:util';
import { emit, stopSignal } from '../shared/child-process.js';
import { clientKind } from '../shared/example-cluster.js';
import { runRelay } from './relay.js';

const { values } = parseArgs({
  options: {
    brokers: { type: 'string' },
    db: { type: 'string' },
    topic: { type: 'string' },
    'writer-id': { type: 'string' },
    client: { type: 'string' },
    mode: { type: 'string' },
  },
});
const { brokers, db, topic, mode } = values;
const writerId = values['writer-id'];
if (brokers === undefined || db === undefined || topic === undefined || writerId === undefined) {
  process.stderr.write('relay-process: --brokers, --db, --topic and --writer-id are required\n');
  process.exitCode = 2;
} else if (mode !== undefined && mode !== 'idempotent' && mode !== 'transactional') {
  process.stderr.write(`relay-process: --mode must be idempotent or transactional, got "${mode}"\n`);
  process.exitCode = 2;
} else {
  await runRelay({
    client: clientKind(values.client),
    brokers: brokers.split(','),
    dbPath: db,
    writerId,
    topics: [topic],
    mode: mode ?? 'idempotent',
    signal: stopSignal(),
    onResume: (resumeAfterId) => emit('resume', { resumeAfterId }),
    onPublished: (p) => emit('published', p),
  });
  emit('stopped');
}
