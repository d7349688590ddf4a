/**
 * Reader benchmark (npm run bench:reader): read_committed consumption of the
 * same topic by a raw consumer (the client adapter's consumer, committing
 * after each batch, no dedup) and by the reader (dedup off, sequence, key),
 * both clients, interleaved rounds, median msgs/s and the ratio to raw in one
 * table. Target: reader with sequence dedup >= 90% of raw.
 *
 * Data: RECORDS records of VALUE_BYTES bytes over PARTITIONS partitions, one
 * eoskit writer per partition, plus 1% genuine duplicates. Throughput counts
 * every record read from the log (duplicates included), from the first record
 * to the last (group join excluded). Also reports this process's CPU time per
 * record, which is far steadier than wall-clock rates on a busy 2-core machine
 * ("CPU-bound vs raw" = raw CPU/record / variant CPU/record: the throughput
 * ratio when the consumer's CPU is the bottleneck). Uses EOS_BOOTSTRAP_SERVERS
 * or starts an embedded 1-node cluster.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createClient, encodeWriterHeaders } from '@eoskit/core';
import type { ClientKind, KafkaClient, OutgoingRecord } from '@eoskit/core';
import { startCluster } from '@eoskit/kafka-embedded';
import { createEventsTable, createReader, createSqliteSink, insertEvents } from '@eoskit/reader';
import type { SqliteTx } from '@eoskit/reader';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const VALUE_BYTES = 1024;
const PARTITIONS = 4;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CLIENTS: ClientKind[] = ['kafkajs', 'confluent'];
type Variant = 'raw' | 'reader dedup=off' | 'reader dedup=sequence' | 'reader dedup=key' | 'reader sequence + sqlite sink';
const VARIANTS: Variant[] = ['raw', 'reader dedup=off', 'reader dedup=sequence', 'reader dedup=key'];

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const tag = Date.now().toString(36);

async function produce(client: KafkaClient, topic: string): Promise<number> {
  const producer = client.producer();
  await producer.connect();
  const pad = 'x'.repeat(VALUE_BYTES - 40);
  const seq = new Array<number>(PARTITIONS).fill(0);
  let batch: OutgoingRecord[] = [];
  let total = 0;
  const record = (partition: number, s: number): OutgoingRecord => ({
    topic,
    partition,
    key: Buffer.from(`k${s}`),
    value: Buffer.from(JSON.stringify({ s, pad })),
    headers: encodeWriterHeaders({ writerId: `bench-w${partition}`, sequence: s }),
  });
  for (let i = 0; i < RECORDS; i++) {
    const p = i % PARTITIONS;
    batch.push(record(p, seq[p]!++));
    total += 1;
    // 1% repeats of a recent record, as a crashed writer leaves them
    if (i % 100 === 99) {
      batch.push(record(p, seq[p]! - 5));
      total += 1;
    }
    if (batch.length >= 2000) {
      await producer.send(batch);
      batch = [];
    }
  }
  if (batch.length > 0) await producer.send(batch);
  await producer.disconnect();
  return total;
}

/** One measured read: wall-clock throughput and this process's CPU time per record. */
interface Measure {
  rate: number;
  cpuUsPerRecord: number;
}

/** Reads the whole topic once, from the first record to the last. */
async function run(client: KafkaClient, topic: string, total: number, variant: Variant, dir: string): Promise<Measure> {
  const groupId = `bench-reader-${tag}-${Math.random().toString(36).slice(2)}`;
  let seen = 0;
  let first = 0;
  let last = 0;
  let cpuFirst = 0;
  let cpuLast = 0;
  const cpu = (): number => {
    const u = process.cpuUsage();
    return u.user + u.system;
  };
  let done!: () => void;
  const finished = new Promise<void>((resolve) => (done = resolve));
  const count = (n: number): void => {
    if (first === 0) {
      first = performance.now();
      cpuFirst = cpu();
    }
    seen += n;
    if (seen >= total && last === 0) {
      last = performance.now();
      cpuLast = cpu();
      done();
    }
  };
  if (variant === 'raw') {
    const consumer = client.consumer({ groupId, isolationLevel: 'read_committed' });
    await consumer.connect();
    await consumer.subscribe([topic]);
    await consumer.run({
      eachBatch: async (batch) => {
        const tail = batch.records[batch.records.length - 1];
        if (tail !== undefined) await consumer.commit([{ topic, partition: batch.partition, offset: tail.offset + 1 }]);
        count(batch.records.length);
      },
    });
    await finished;
    await consumer.disconnect();
  } else if (variant === 'reader sequence + sqlite sink') {
    const sink = createSqliteSink({ path: join(dir, `${groupId}.db`) });
    await sink.open();
    await createEventsTable(sink);
    const reader = createReader<SqliteTx>({ client, groupId, topics: [topic], sink });
    const poll = setInterval(() => {
      const m = reader.metrics();
      const n = m.delivered + m.duplicatesDropped;
      if (n > seen) count(n - seen);
    }, 5);
    await reader.run({ eachBatch: (events, { tx }) => insertEvents(sink, tx, events) });
    await finished;
    clearInterval(poll);
    await reader.stop();
    await sink.close();
  } else {
    const dedup = variant === 'reader dedup=off' ? 'off' : variant === 'reader dedup=key' ? 'key' : 'sequence';
    const reader = createReader({ client, groupId, topics: [topic], dedup, sequence: { snapshotTopic: `bench-reader-snapshots-${tag}` } });
    let dropped = 0;
    await reader.run({ eachBatch: (events) => count(events.length) });
    // duplicates never reach the handler: add them as the metrics report them
    const poll = setInterval(() => {
      const d = reader.metrics().duplicatesDropped;
      if (d > dropped) {
        count(d - dropped);
        dropped = d;
      }
    }, 5);
    await finished;
    clearInterval(poll);
    await reader.stop();
  }
  return { rate: (total / (last - first)) * 1000, cpuUsPerRecord: (cpuLast - cpuFirst) / total };
}

async function main(): Promise<void> {
  const log = (m: string): void => void process.stderr.write(`${m}\n`);
  const cluster = await startCluster({ nodes: 1, log });
  const dir = mkdtempSync(join(tmpdir(), 'eoskit-bench-reader-'));
  const rows: string[] = [];
  try {
    for (const kind of CLIENTS) {
      const client = await createClient({ client: kind, brokers: cluster.bootstrapServers.split(',') });
      const admin = client.admin();
      await admin.connect();
      const topic = `bench-reader-${kind}-${tag}`;
      await admin.createTopics([{ topic, numPartitions: PARTITIONS }]);
      await admin.disconnect();
      const total = await produce(client, topic);
      log(`${kind}: ${total} records (${RECORDS} + repeats) of ${VALUE_BYTES} B on ${PARTITIONS} partitions`);
      const results = new Map<Variant, Measure[]>(VARIANTS.map((v) => [v, []]));
      await run(client, topic, total, 'raw', dir); // warm-up (JIT, connections, coordinator)
      for (let round = 0; round < ROUNDS; round++) {
        for (const variant of VARIANTS) {
          const m = await run(client, topic, total, variant, dir);
          results.get(variant)!.push(m);
          log(`  round ${round + 1} ${variant}: ${Math.round(m.rate)} msgs/s, ${m.cpuUsPerRecord.toFixed(2)} us CPU/record`);
        }
      }
      const sink = await run(client, topic, total, 'reader sequence + sqlite sink', dir);
      const rawRate = median(results.get('raw')!.map((m) => m.rate));
      const rawCpu = median(results.get('raw')!.map((m) => m.cpuUsPerRecord));
      const row = (name: string, rate: number, cpuUs: number): string =>
        `| ${kind} | ${name} | ${Math.round(rate)} | ${((rate / rawRate) * 100).toFixed(1)}% | ${cpuUs.toFixed(2)} | ${((rawCpu / cpuUs) * 100).toFixed(1)}% |`;
      for (const [variant, ms] of results) {
        rows.push(row(variant, median(ms.map((m) => m.rate)), median(ms.map((m) => m.cpuUsPerRecord))));
      }
      rows.push(row('reader sequence + sqlite sink (1 run, events insert)', sink.rate, sink.cpuUsPerRecord));
      await client.close();
    }
  } finally {
    await cluster.stop();
    rmSync(dir, { recursive: true, force: true });
  }
  console.log(`\nReader benchmark: ${RECORDS} records x ${VALUE_BYTES} B, ${PARTITIONS} partitions, median of ${ROUNDS} interleaved rounds (msgs/s from first to last record)\n`);
  console.log('| client | consumer | msgs/s | vs raw | Node CPU us/record | CPU-bound vs raw |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const row of rows) console.log(row);
}

await main();
