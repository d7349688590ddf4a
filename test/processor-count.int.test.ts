import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type ClientKind, type EosAdmin, type KafkaClient } from '@eoskit/core';
import { readTopic } from '@eoskit/reader';
import { createWriter } from '@eoskit/writer';
import { sharedBrokers, uniqueName } from './helpers/kafka.js';
import { committedTotal, sigkill, sigterm, spawnCli, traceFindings, until, type CliProcess } from './helpers/processor-procs.js';

/**
 * `eoskit count` keeps a running count per key in the processor's keyed state
 * (changelog in the same transaction as outputs and offsets). Two counters
 * share the input; they are SIGKILLed and restarted four times, and a third
 * joins mid-stream and later leaves (SIGTERM), each time moving partitions
 * and their state between processes, with a fifth of the checkpoints aborted
 * on purpose. For every key the committed outputs must read 1, 2, ..., n,
 * n being the key's input records. On the shared 3-node cluster (no broker
 * faults here); runs the built CLI (`npx tsc -b` first).
 */
const RECORDS = 12_000;
const CHUNKS = 6;
const CLIENTS: ClientKind[] = ['kafkajs', 'confluent'];

describe.each(CLIENTS)('processor > system > eoskit count (%s)', (kind) => {
  const brokers = sharedBrokers(3);
  let client: KafkaClient;
  let admin: EosAdmin;
  const procs: CliProcess[] = [];
  beforeAll(async () => {
    client = await createClient({ client: 'kafkajs', brokers });
    admin = client.admin();
    await admin.connect();
  });
  afterAll(async () => {
    await Promise.all(procs.map((p) => sigkill(p)));
    await admin?.disconnect();
    await client?.close();
  });

  it('counts 1..n per key through four SIGKILLs and a third process joining and leaving', async () => {
    const input = uniqueName(`count-in-${kind}`);
    const output = uniqueName(`count-out-${kind}`);
    const group = uniqueName(`count-${kind}`);
    await admin.createTopics([
      { topic: input, numPartitions: 3 },
      { topic: output, numPartitions: 3 },
    ]);
    const counter = (instance: string): CliProcess => {
      const p = spawnCli(`counter ${instance}`, [
        'count', '--bootstrap', brokers.join(','), '--group', group, '--input', input, '--output', output,
        '--transactional-id-prefix', group, '--instance-id', instance, '--client', kind,
        '--abort-ratio', '0.2', '--checkpoint-interval-ms', '100', '--max-records', '500',
        '--session-timeout-ms', '6000', '--max-idle-ms', '600000', '--progress-ms', '0',
      ]);
      procs.push(p);
      return p;
    };
    const logs = () => `${procs.map((p) => `--- ${p.name}\n${p.output().slice(-3000)}`).join('\n')}\n${traceFindings(procs)}`;
    const progress = () => committedTotal(admin, group, input);

    const writer = createWriter({ client, writerId: uniqueName('count-seed'), topics: [input] });
    await writer.connect();
    const expected = new Map<string, number>();
    const seed = async (chunk: number): Promise<void> => {
      const per = RECORDS / CHUNKS;
      const records = Array.from({ length: per }, (_, i) => {
        const key = `k${(chunk * per + i) % 300}`;
        expected.set(key, (expected.get(key) ?? 0) + 1);
        return { key, value: `${chunk * per + i}` };
      });
      await writer.writeMany(records);
    };
    const live: Record<'c1' | 'c2', CliProcess> = { c1: counter('c1'), c2: counter('c2') };
    let third: CliProcess | undefined;
    const events: string[] = [];
    const kill = async (name: 'c1' | 'c2'): Promise<void> => {
      await sigkill(live[name]);
      events.push(`SIGKILL ${name} at ${await progress()}`);
      live[name] = counter(name);
    };
    const schedule: Array<() => Promise<void>> = [
      () => kill('c1'),
      async () => {
        events.push(`c3 joins at ${await progress()}`);
        third = counter('c3');
      },
      () => kill('c2'),
      async () => {
        events.push(`c3 leaves at ${await progress()}`);
        expect(await sigterm(third!), logs()).toBe(0);
      },
      () => kill('c1'),
      () => kill('c2'),
    ];
    for (let chunk = 0; chunk < CHUNKS; chunk++) {
      await seed(chunk);
      const target = ((chunk + 0.5) * RECORDS) / CHUNKS;
      await until(`counting past ${target}`, async () => (await progress()) >= target, 180_000, logs);
      await schedule[chunk]!();
    }
    await writer.flush();
    await writer.close();
    await until('every input record committed', async () => (await progress()) === RECORDS, 240_000, logs);
    expect(await Promise.all([sigterm(live.c1), sigterm(live.c2)]), logs()).toEqual([0, 0]);

    const counts = new Map<string, number[]>();
    for (const r of await readTopic(client, output)) {
      const key = r.key!.toString();
      const value = JSON.parse(r.value!.toString()) as { key: string; count: number };
      expect(value.key).toBe(key);
      counts.set(key, [...(counts.get(key) ?? []), value.count]);
    }
    expect(counts.size, traceFindings(procs)).toBe(expected.size);
    const wrong = [...expected].filter(([key, n]) => {
      const got = counts.get(key) ?? [];
      return got.length !== n || got.some((c, i) => c !== i + 1);
    });
    expect(wrong.map(([key]) => `${key}: ${JSON.stringify(counts.get(key))}`), traceFindings(procs)).toEqual([]);
    console.info(`count test (${kind}): ${events.join('; ')}`);
  }, 900_000);
});
