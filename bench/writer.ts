/**
 * Writer benchmark (npm run bench:writer): the same records written by
 * - the raw client library's idempotent producer (kafkajs `producer({ idempotent: true })`;
 *   confluent's KafkaJS API with enable.idempotence, acks=all), batches of BATCH records,
 *   kafkajs 2 sends in flight, confluent 8 (each library's own best safe use);
 * - the eoskit client adapter's producer (what the writer sends through), sends of BATCH
 *   records, as many in flight as the writer keeps (kafkajs 2, confluent 1);
 * - the writer, idempotent and transactional (writeMany of all records).
 * Both clients, interleaved rounds, median msgs/s and the ratio to the raw library in one
 * table, plus this process's CPU time per record (steadier than wall clock on a busy 2-core
 * machine). Target: writer (idempotent) >= 95% of the raw library.
 *
 * Every record: key k<n mod 1000>, VALUE_BYTES value, and the two eoskit headers (raw
 * variants carry the same bytes), acks=all, idempotence on, linger 5 ms (confluent; kafkajs
 * has no linger), no compression, PARTITIONS partitions, a fresh topic per run. Uses
 * EOS_BOOTSTRAP_SERVERS or starts an embedded 1-node cluster.
 *
 * BENCH_BASELINE=<folder of another built eoskit checkout> adds its adapter and writer variants
 * (marked "baseline") to the same interleaved rounds, so a change is compared under the same load.
 *
 * Knobs (env): BENCH_RECORDS (60000), BENCH_ROUNDS (3), BENCH_CLIENTS (kafkajs,confluent),
 * BENCH_BUFFER (writer maxBufferedRecords), BENCH_RAW_INFLIGHT (confluent raw sends in flight, 8),
 * BENCH_ADAPTER_INFLIGHT (adapter sends in flight; default as above).
 */
import confluentModule from '@confluentinc/kafka-javascript';
import { Kafka as KafkaJs, logLevel } from 'kafkajs';
import { createClient, encodeWriterHeaders, type ClientKind, type KafkaClient, type OutgoingRecord } from '@eoskit/core';
import { startCluster } from '@eoskit/kafka-embedded';
import { createWriter } from '@eoskit/writer';

const RECORDS = Number(process.env.BENCH_RECORDS ?? 60_000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const VALUE_BYTES = 1024;
const PARTITIONS = 6;
const BATCH = 1000;
const CLIENTS = (process.env.BENCH_CLIENTS ?? 'kafkajs,confluent').split(',') as ClientKind[];
const OWN_VARIANTS = ['adapter producer', 'writer idempotent', 'writer transactional'] as const;
const BASELINE = process.env.BENCH_BASELINE;
const VARIANTS = [
  'raw library',
  ...OWN_VARIANTS.flatMap((v) => (BASELINE === undefined ? [v] : [v, `${v} (baseline)`])),
];
type Variant = string;

/** The two entry points a variant needs, from this checkout or the baseline one. */
interface Eoskit {
  createClient: typeof createClient;
  createWriter: typeof createWriter;
}

async function loadBaseline(dir: string): Promise<Eoskit> {
  const core = (await import(`${dir}/packages/core/dist/index.js`)) as { createClient: typeof createClient };
  const writerPackage = (await import(`${dir}/packages/writer/dist/index.js`)) as { createWriter: typeof createWriter };
  return { createClient: core.createClient, createWriter: writerPackage.createWriter };
}

const tag = Date.now().toString(36);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const value = Buffer.alloc(VALUE_BYTES, 'x');
const cpu = (): number => {
  const u = process.cpuUsage();
  return u.user + u.system;
};

interface Measure {
  rate: number;
  cpuUsPerRecord: number;
}

/** Runs `body` on a fresh topic and measures it (topic creation and connects excluded). */
async function measure(client: KafkaClient, run: (topic: string) => Promise<() => Promise<void>>): Promise<Measure> {
  const topic = `bench-writer-${tag}-${Math.random().toString(36).slice(2)}`;
  const admin = client.admin();
  await admin.connect();
  await admin.createTopics([{ topic, numPartitions: PARTITIONS }]);
  await admin.disconnect();
  const write = await run(topic);
  const [t0, c0] = [performance.now(), cpu()];
  await write();
  const [t1, c1] = [performance.now(), cpu()];
  return { rate: (RECORDS / (t1 - t0)) * 1000, cpuUsPerRecord: (c1 - c0) / RECORDS };
}

/** Sends BATCH-record chunks of 0..RECORDS-1, at most `inFlight` at once. */
async function pipelined(send: (from: number, to: number) => Promise<unknown>, inFlight: number): Promise<void> {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < RECORDS) {
      const from = next;
      next = Math.min(RECORDS, next + BATCH);
      await send(from, next);
    }
  };
  await Promise.all(Array.from({ length: inFlight }, lane));
}

const headers = (n: number) => encodeWriterHeaders({ writerId: 'bench', sequence: n });

async function rawLibrary(kind: ClientKind, brokers: string[], topic: string): Promise<() => Promise<void>> {
  const messages = (from: number, to: number) =>
    Array.from({ length: to - from }, (_, i) => ({ key: `k${(from + i) % 1000}`, value, headers: headers(from + i) }));
  if (kind === 'kafkajs') {
    const kafka = new KafkaJs({ brokers, logLevel: logLevel.NOTHING });
    const producer = kafka.producer({ idempotent: true, retry: { retries: Number.MAX_SAFE_INTEGER } });
    await producer.connect();
    return async () => {
      await pipelined((from, to) => producer.send({ topic, acks: -1, messages: messages(from, to) }), 2);
      await producer.disconnect();
    };
  }
  const kafka = new confluentModule.KafkaJS.Kafka({});
  const producer = kafka.producer({
    'bootstrap.servers': brokers.join(','),
    'enable.idempotence': true,
    acks: -1,
    retries: 2_147_483_647,
    'linger.ms': 5,
    'max.in.flight.requests.per.connection': 5,
    log_level: 0,
  });
  await producer.connect();
  return async () => {
    await pipelined((from, to) => producer.send({ topic, messages: messages(from, to) }), Number(process.env.BENCH_RAW_INFLIGHT ?? 8));
    await producer.disconnect();
  };
}

/** Sends in flight for the adapter variant: what the writer keeps (writer-session.ts). */
const adapterInFlight = (kind: ClientKind): number =>
  Number(process.env.BENCH_ADAPTER_INFLIGHT ?? (kind === 'kafkajs' ? 2 : 1));

async function adapterProducer(client: KafkaClient, topic: string): Promise<() => Promise<void>> {
  const producer = client.producer();
  await producer.connect();
  const records = (from: number, to: number): OutgoingRecord[] =>
    Array.from({ length: to - from }, (_, i) => ({ topic, key: Buffer.from(`k${(from + i) % 1000}`), value, headers: headers(from + i) }));
  return async () => {
    await pipelined((from, to) => producer.send(records(from, to)), adapterInFlight(client.kind));
    await producer.disconnect();
  };
}

async function writer(
  lib: Eoskit,
  client: KafkaClient,
  topic: string,
  mode: 'idempotent' | 'transactional',
): Promise<() => Promise<void>> {
  const w = lib.createWriter({
    client,
    writerId: `bench-${topic}`,
    topics: [topic],
    mode,
    checkpointTopic: `bench-writer-checkpoints-${tag}`,
    ...(process.env.BENCH_BUFFER === undefined ? {} : { maxBufferedRecords: Number(process.env.BENCH_BUFFER) }),
  });
  await w.connect();
  return async () => {
    // A generator, like the raw variants building each batch when it is sent: pulled as the buffer frees.
    const result = await w.writeMany(
      (function* () {
        for (let n = 0; n < RECORDS; n++) yield { key: `k${n % 1000}`, value, sequence: n };
      })(),
    );
    if (result.count !== RECORDS) throw new Error(`writer wrote ${result.count} of ${RECORDS}`);
    await w.close();
  };
}

async function main(): Promise<void> {
  const log = (m: string): void => void process.stderr.write(`${m}\n`);
  const cluster = await startCluster({ nodes: 1, log });
  const rows: string[] = [];
  try {
    const own: Eoskit = { createClient, createWriter };
    const baseline = BASELINE === undefined ? undefined : await loadBaseline(BASELINE);
    for (const kind of CLIENTS) {
      const client = await createClient({ client: kind, brokers: cluster.brokers });
      const baselineClient = await baseline?.createClient({ client: kind, brokers: cluster.brokers });
      const run = (variant: Variant): Promise<Measure> =>
        measure(client, (topic) => {
          if (variant === 'raw library') return rawLibrary(kind, cluster.brokers, topic);
          const fromBaseline = variant.endsWith('(baseline)');
          const [lib, via] = fromBaseline && baseline && baselineClient ? [baseline, baselineClient] : [own, client];
          if (variant.startsWith('adapter producer')) return adapterProducer(via, topic);
          return writer(lib, via, topic, variant.startsWith('writer idempotent') ? 'idempotent' : 'transactional');
        });
      await run('raw library'); // warm-up: JIT, connections, coordinators
      await run('writer transactional');
      const results = new Map<Variant, Measure[]>(VARIANTS.map((v) => [v, []]));
      for (let round = 0; round < ROUNDS; round++) {
        for (const variant of VARIANTS) {
          const m = await run(variant);
          results.get(variant)?.push(m);
          log(`${kind} round ${round + 1} ${variant}: ${Math.round(m.rate)} msgs/s, ${m.cpuUsPerRecord.toFixed(1)} us CPU/record`);
        }
      }
      const raw = results.get('raw library') ?? [];
      const rawRate = median(raw.map((m) => m.rate));
      const rawCpu = median(raw.map((m) => m.cpuUsPerRecord));
      for (const [variant, ms] of results) {
        const rate = median(ms.map((m) => m.rate));
        const cpuUs = median(ms.map((m) => m.cpuUsPerRecord));
        rows.push(
          `| ${kind} | ${variant} | ${Math.round(rate)} | ${((rate / rawRate) * 100).toFixed(1)}% | ${cpuUs.toFixed(1)} | ${((rawCpu / cpuUs) * 100).toFixed(1)}% |`,
        );
      }
      await client.close();
      await baselineClient?.close();
    }
  } finally {
    await cluster.stop();
  }
  console.log(
    `\nWriter benchmark: ${RECORDS} records x ${VALUE_BYTES} B values (+ key and eoskit headers), ${PARTITIONS} partitions, ` +
      `acks=all, idempotent, raw batches of ${BATCH}, median of ${ROUNDS} interleaved rounds\n`,
  );
  console.log('| client | producer | msgs/s | vs raw | Node CPU us/record | CPU-bound vs raw |');
  console.log('|---|---|---:|---:|---:|---:|');
  for (const row of rows) console.log(row);
}

await main();
