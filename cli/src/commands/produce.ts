import { type Command, InvalidArgumentError, Option } from 'commander';
import { createClient, writerIdProblem, type ClientKind } from '@eoskit/core';
import { createWriter, type WriterMode, type WriterRecord } from '@eoskit/writer';
import { securityFlags, type WithSecurity } from './security-flags.js';

interface ProduceOptions extends WithSecurity {
  bootstrap: string[];
  topic: string;
  writerId: string;
  count: number;
  mode: WriterMode;
  client: ClientKind;
  valueSize: number;
  keys: number;
  partitions: number;
  replicationFactor?: number;
  checkpointTopic?: string;
  batchRecords?: number;
}

/** One-line JSON printed when all records are durable. */
export interface ProduceSummary {
  writer: string;
  topic: string;
  mode: WriterMode;
  client: ClientKind;
  /** Records 0..count-1 are all durable now. */
  count: number;
  /** First sequence this run handled (lastSequence().overall + 1 at start). */
  resumedFrom: number;
  /** Records this run sent. */
  written: number;
  /** Records this run found already durable from a crashed run and did not send again. */
  alreadyDurable: number;
  elapsedMs: number;
  /** Records handled by this run per second. */
  msgsPerSec: number;
}

/**
 * Adds `eoskit produce`: writes sequences 0..count-1 with the idempotent
 * writer; run again after a crash it resumes where durable writes end. Exit
 * codes: 0 once all are durable, 1 when the writer failed, 2 for bad arguments.
 */
export function registerProduceCommand(program: Command): Command {
  return securityFlags(
    program
      .command('produce')
      .description('write sequences 0..N-1 with the idempotent writer; rerun after a crash to resume')
      .requiredOption('--bootstrap <servers>', 'host:port[,host:port...]', parseBootstrap)
      .requiredOption('--topic <topic>', 'topic to write (created when missing)')
      .requiredOption('--writer-id <id>', 'stable writer id; reuse it to resume', parseWriterId)
      .requiredOption('--count <n>', 'number of records (sequences 0..n-1)', parseWholeNumber)
      .addOption(new Option('--mode <mode>', 'delivery mode').choices(['idempotent', 'transactional']).default('idempotent'))
      .addOption(new Option('--client <client>', 'Kafka client library').choices(['kafkajs', 'confluent']).default('kafkajs'))
      .option('--value-size <bytes>', 'approximate size of each JSON value', parseWholeNumber, 100)
      .option('--keys <k>', 'distinct keys: record n gets key k<n mod K>', parsePositive, 1000)
      .option('--partitions <p>', 'partitions when the topic is created', parsePositive, 6)
      .option('--replication-factor <rf>', 'replication factor when the topic is created (default: the broker default)', parsePositive)
      .option('--checkpoint-topic <topic>', 'writer checkpoint topic (default: eoskit-writer-checkpoints)')
      .option('--batch-records <n>', 'records per send, or per transaction (smaller transactions lose less to a crash)', parsePositive),
  ).action((opts: ProduceOptions) => runProduce(opts));
}

/** Record `n` of a produce run: key `k<n mod keys>`, JSON value padded to about `valueSize` bytes. */
export function produceRecord(writerId: string, n: number, keys: number, valueSize: number): WriterRecord {
  const bare = JSON.stringify({ writer: writerId, seq: n, pad: '' });
  const pad = '.'.repeat(Math.max(0, valueSize - Buffer.byteLength(bare)));
  return { key: `k${n % keys}`, value: JSON.stringify({ writer: writerId, seq: n, pad }), sequence: n };
}

async function runProduce(opts: ProduceOptions): Promise<void> {
  const client = await createClient({ client: opts.client, brokers: opts.bootstrap, clientId: 'eoskit-produce', ...opts.security });
  try {
    const admin = client.admin();
    await admin.connect();
    try {
      await admin.createTopics([
        {
          topic: opts.topic,
          numPartitions: opts.partitions,
          ...(opts.replicationFactor === undefined ? {} : { replicationFactor: opts.replicationFactor }),
        },
      ]);
    } finally {
      await admin.disconnect();
    }
    const writer = createWriter({
      client,
      writerId: opts.writerId,
      topics: [opts.topic],
      mode: opts.mode,
      ...(opts.checkpointTopic === undefined ? {} : { checkpointTopic: opts.checkpointTopic }),
      ...(opts.batchRecords === undefined ? {} : { maxBatchRecords: opts.batchRecords }),
      onRecovery: (e) =>
        process.stderr.write(`eoskit produce: recovered from ${e.error.message} (found durable ${e.foundDurable}, re-sent ${e.resent})\n`),
    });
    try {
      const last = await writer.connect();
      const from = last.overall + 1;
      const started = Date.now();
      const result = await writer.writeMany(records(opts, from));
      await writer.flush();
      const elapsedMs = Date.now() - started;
      const summary: ProduceSummary = {
        writer: opts.writerId,
        topic: opts.topic,
        mode: opts.mode,
        client: opts.client,
        count: opts.count,
        resumedFrom: from,
        written: result.count - result.alreadyDurable,
        alreadyDurable: result.alreadyDurable,
        elapsedMs,
        msgsPerSec: Math.round((result.count * 1000) / Math.max(1, elapsedMs)),
      };
      process.stdout.write(`${JSON.stringify(summary)}\n`);
    } finally {
      await writer.close();
    }
  } finally {
    await client.close();
  }
}

function* records(opts: ProduceOptions, from: number): Generator<WriterRecord> {
  for (let n = from; n < opts.count; n++) yield produceRecord(opts.writerId, n, opts.keys, opts.valueSize);
}

function parseWriterId(value: string): string {
  const problem = writerIdProblem(value);
  if (problem !== undefined) throw new InvalidArgumentError(`writer id ${problem}`);
  return value;
}

function parseBootstrap(value: string): string[] {
  const servers = value.split(',').map((s) => s.trim()).filter((s) => s !== '');
  if (servers.length === 0 || servers.some((s) => !/^(\[[0-9a-fA-F:]+\]|[^\s:]+):\d{1,5}$/.test(s))) {
    throw new InvalidArgumentError('expected host:port[,host:port...]');
  }
  return servers;
}

function parseWholeNumber(value: string): number {
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(Number(value))) throw new InvalidArgumentError('expected a whole number');
  return Number(value);
}

function parsePositive(value: string): number {
  const n = parseWholeNumber(value);
  if (n < 1) throw new InvalidArgumentError('expected a whole number >= 1');
  return n;
}
