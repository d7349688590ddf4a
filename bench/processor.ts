/**
 * Processor benchmark (npm run bench:processor): the same copy job (every
 * input record to the output, same key and value) run by the processor with
 * `exactly-once` (each checkpoint one transaction: outputs, changelog,
 * sendOffsets) and with `at-least-once` (produce, wait for acks, commit
 * offsets), at 100 ms and 1000 ms checkpoints, both clients, interleaved
 * rounds on one cluster, median msgs/s side by side. Target: exactly-once >=
 * 80% of at-least-once at 100 ms.
 *
 * Data: RECORDS records of VALUE_BYTES bytes over PARTITIONS partitions,
 * written by an eoskit writer (so the processor's sequence dedup is on, as
 * in production). Checkpoints are bounded by the interval only (no record
 * bound), so the two intervals really differ. Throughput counts input records whose offsets are
 * committed, from the first record processed to the last committed (group
 * join and restore excluded). Uses EOS_BOOTSTRAP_SERVERS or starts an
 * embedded 1-node cluster.
 */
import { createClient } from '@eoskit/core';
import type { ClientKind, KafkaClient } from '@eoskit/core';
import { startCluster } from '@eoskit/kafka-embedded';
import { createProcessor } from '@eoskit/processor';
import type { Guarantee } from '@eoskit/processor';
import { createWriter } from '@eoskit/writer';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 100_000);
const VALUE_BYTES = Number(process.env.BENCH_VALUE_BYTES ?? 1024);
const PARTITIONS = 3;
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const CLIENTS: ClientKind[] = (process.env.BENCH_CLIENTS?.split(',') as ClientKind[] | undefined) ?? ['kafkajs', 'confluent'];
const INTERVALS = [100, 1000];
const GUARANTEES: Guarantee[] = ['at-least-once', 'exactly-once'];

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const tag = Date.now().toString(36);
const log = (m: string): void => void process.stderr.write(`${m}\n`);

interface Measure {
  rate: number;
  cpuUsPerRecord: number;
  checkpoints: number;
}

async function seed(client: KafkaClient, topic: string): Promise<void> {
  const writer = createWriter({ client, writerId: `bench-processor-${tag}`, topics: [topic] });
  await writer.connect();
  const pad = 'x'.repeat(Math.max(0, VALUE_BYTES - 40));
  function* records() {
    for (let n = 0; n < RECORDS; n++) yield { key: `k${n % 1000}`, value: JSON.stringify({ n, pad }) };
  }
  await writer.writeMany(records());
  await writer.flush();
  await writer.close();
}

/** Copies the whole input once with a fresh group and output topic. */
async function run(client: KafkaClient, input: string, guarantee: Guarantee, intervalMs: number): Promise<Measure> {
  const id = `bench-proc-${tag}-${Math.random().toString(36).slice(2, 8)}`;
  const output = `${id}-out`;
  const admin = client.admin();
  await admin.connect();
  await admin.createTopics([{ topic: output, numPartitions: PARTITIONS }]);
  await admin.disconnect();
  const cpu = (): number => {
    const u = process.cpuUsage();
    return u.user + u.system;
  };
  let first = 0;
  let cpuFirst = 0;
  const processor = createProcessor({
    client,
    groupId: id,
    inputs: [input],
    outputs: [output],
    transactionalIdPrefix: id,
    instanceId: 'bench',
    guarantee,
    // The interval is the binding bound (a size bound would make both intervals the same run).
    checkpoint: { intervalMs, maxRecords: 1_000_000 },
    process: (event) => {
      if (first === 0) {
        first = performance.now();
        cpuFirst = cpu();
      }
      return { topic: output, key: event.key, value: event.value };
    },
  });
  await processor.start();
  const deadline = Date.now() + 600_000;
  while (processor.metrics().committedRecords < RECORDS) {
    if (Date.now() > deadline) throw new Error(`${guarantee} ${intervalMs} ms: not done in 10 minutes`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
  const last = performance.now();
  const cpuLast = cpu();
  const { checkpoints } = processor.metrics();
  await processor.stop();
  return { rate: (RECORDS / (last - first)) * 1000, cpuUsPerRecord: (cpuLast - cpuFirst) / RECORDS, checkpoints };
}

async function main(): Promise<void> {
  const cluster = await startCluster({ nodes: 1, log });
  const rows: string[] = [];
  try {
    for (const kind of CLIENTS) {
      const client = await createClient({ client: kind, brokers: cluster.bootstrapServers.split(',') });
      const input = `bench-proc-in-${kind}-${tag}`;
      const admin = client.admin();
      await admin.connect();
      await admin.createTopics([{ topic: input, numPartitions: PARTITIONS }]);
      await admin.disconnect();
      await seed(client, input);
      log(`${kind}: ${RECORDS} records of ${VALUE_BYTES} B on ${PARTITIONS} partitions`);
      await run(client, input, 'exactly-once', 100); // warm-up (JIT, connections, coordinators)
      const results = new Map<string, Measure[]>();
      for (let round = 0; round < ROUNDS; round++) {
        for (const intervalMs of INTERVALS) {
          for (const guarantee of GUARANTEES) {
            const m = await run(client, input, guarantee, intervalMs);
            const key = `${intervalMs}|${guarantee}`;
            results.set(key, [...(results.get(key) ?? []), m]);
            log(`  round ${round + 1} ${guarantee} @${intervalMs} ms: ${Math.round(m.rate)} msgs/s, ${m.cpuUsPerRecord.toFixed(1)} us CPU/record, ${m.checkpoints} checkpoints`);
          }
        }
      }
      for (const intervalMs of INTERVALS) {
        const alos = results.get(`${intervalMs}|at-least-once`)!;
        const eos = results.get(`${intervalMs}|exactly-once`)!;
        const a = median(alos.map((m) => m.rate));
        const e = median(eos.map((m) => m.rate));
        // Per-round ratios too: rounds run back to back, so they share the machine's load.
        const perRound = eos.map((m, i) => `${((m.rate / alos[i]!.rate) * 100).toFixed(0)}%`).join(' ');
        rows.push(
          `| ${kind} | ${intervalMs} ms | ${Math.round(a)} | ${Math.round(e)} | ${((e / a) * 100).toFixed(1)}% | ${perRound} | ` +
            `${median(alos.map((m) => m.cpuUsPerRecord)).toFixed(1)} / ${median(eos.map((m) => m.cpuUsPerRecord)).toFixed(1)} |`,
        );
      }
      await client.close();
    }
  } finally {
    await cluster.stop();
  }
  console.log(
    `\nProcessor benchmark: copy of ${RECORDS} records x ${VALUE_BYTES} B, ${PARTITIONS} partitions, 1-node cluster, ` +
      `median of ${ROUNDS} interleaved rounds (input records committed per second)\n`,
  );
  console.log('| client | checkpoint | at-least-once msgs/s | exactly-once msgs/s | EOS / ALOS | per round | Node CPU us/record ALOS / EOS |');
  console.log('|---|---|---:|---:|---:|---|---:|');
  for (const row of rows) console.log(row);
}

await main();
