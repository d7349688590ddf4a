import kafkajs from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type ClientKind, type EosAdmin, type KafkaClient } from '@eoskit/core';
import { startCluster, type EmbeddedCluster } from '@eoskit/kafka-embedded';
import { compareCopy, readTopic } from '@eoskit/reader';
import { createWriter } from '@eoskit/writer';
import { uniqueName } from './helpers/kafka.js';
import { committedTotal, concurrentReader, endTotal, sigkill, sigterm, spawnCli, traceFindings, until, type CliProcess } from './helpers/processor-procs.js';

/**
 * Kafka's transactions system test (tests/kafkatest/tests/core/transactions_test.py) at this
 * machine's scale, with `eoskit copy` as the TransactionalMessageCopier: an own 3-node cluster
 * (RF 3, min ISR 2), 30,000 input records over 3 partitions written by an eoskit writer while the
 * copy runs, two copiers in one group aborting a third of their transactions on purpose, the
 * copiers SIGKILLed and restarted 4 times and one broker SIGKILLed and restarted during the copy.
 * A concurrent and a final read_committed reader must each see output == input (no duplicate,
 * nothing missing, order kept per key, nothing aborted visible), and once the copiers are done no
 * transaction may hang: every output partition's last stable offset equals its high watermark.
 * Runs the built CLI (`npx tsc -b` first).
 */
const RECORDS = 30_000;
const CHUNKS = 5;
const CLIENTS: ClientKind[] = ['kafkajs', 'confluent'];

describe('processor > system > transactions test', () => {
  let cluster: EmbeddedCluster;
  beforeAll(async () => {
    // Its own cluster even when EOS_BOOTSTRAP_SERVERS is set: the test kills one of its brokers.
    cluster = await startCluster({ nodes: 3, embeddedOnly: true });
  }, 300_000);
  afterAll(async () => cluster?.stop());

  describe.each(CLIENTS)('copy with %s', (kind) => {
    let client: KafkaClient;
    let admin: EosAdmin;
    const procs: CliProcess[] = [];
    beforeAll(async () => {
      client = await createClient({ client: 'kafkajs', brokers: cluster.brokers });
      admin = client.admin();
      await admin.connect();
    });
    afterAll(async () => {
      await Promise.all(procs.map((p) => sigkill(p)));
      await admin?.disconnect();
      await client?.close();
    });

    it('copies 30,000 records exactly once through copier kills, a broker kill and a third of transactions aborted', async () => {
      const input = uniqueName(`txn-in-${kind}`);
      const output = uniqueName(`txn-out-${kind}`);
      const group = uniqueName(`txn-copy-${kind}`);
      await admin.createTopics([
        { topic: input, numPartitions: 3, replicationFactor: 3 },
        { topic: output, numPartitions: 3, replicationFactor: 3 },
      ]);
      const copier = (instance: string): CliProcess => {
        const p = spawnCli(`copier ${instance}`, [
          'copy', '--bootstrap', cluster.bootstrapServers, '--group', group, '--input', input, '--output', output,
          '--transactional-id-prefix', group, '--instance-id', instance, '--client', kind,
          '--abort-ratio', '0.334', '--checkpoint-interval-ms', '100', '--max-records', '750',
          '--session-timeout-ms', '6000', '--max-idle-ms', '600000', '--progress-ms', '0',
        ]);
        procs.push(p);
        return p;
      };
      const logs = () => `${procs.map((p) => `--- ${p.name}\n${p.output().slice(-3000)}`).join('\n')}\n${traceFindings(procs)}`;
      const progress = () => committedTotal(admin, group, input);

      const writer = createWriter({ client, writerId: uniqueName('seed'), topics: [input] });
      await writer.connect();
      const seed = async (chunk: number): Promise<void> => {
        const per = RECORDS / CHUNKS;
        const records = Array.from({ length: per }, (_, i) => {
          const n = chunk * per + i;
          return { key: `k${n % 500}`, value: JSON.stringify({ n, pad: 'x'.repeat(100) }) };
        });
        await writer.writeMany(records);
      };
      const reader = await concurrentReader(kind, cluster.brokers, output, uniqueName('txn-concurrent'));
      const faults: string[] = [];
      const live = { c1: copier('c1'), c2: copier('c2') };
      const restart = async (name: 'c1' | 'c2'): Promise<void> => {
        await sigkill(live[name]);
        faults.push(`SIGKILL ${name} at ${await progress()}`);
        live[name] = copier(name);
      };
      const bounceBroker = async (): Promise<void> => {
        faults.push(`SIGKILL broker 2 at ${await progress()}`);
        await cluster.kill(2);
        await new Promise((resolve) => setTimeout(resolve, 3000));
        await cluster.restart(2);
        await cluster.waitForHealthy({ timeoutMs: 180_000 });
      };
      // Seed a chunk, wait until the copy is half way through it, inject a fault: every fault lands mid-copy.
      const schedule: Array<() => Promise<void>> = [() => restart('c1'), () => restart('c2'), bounceBroker, () => restart('c1'), () => restart('c2')];
      for (let chunk = 0; chunk < CHUNKS; chunk++) {
        await seed(chunk);
        const target = ((chunk + 0.5) * RECORDS) / CHUNKS;
        await until(`copy past ${target}`, async () => (await progress()) >= target, 180_000, logs);
        await schedule[chunk]!();
      }
      await writer.flush();
      await writer.close();
      expect(await endTotal(admin, input)).toBe(RECORDS);

      await until('every input record committed', async () => (await progress()) === RECORDS, 240_000, logs);
      // A clean stop (SIGTERM) commits what is open and exits 0. (They would never stop on idle:
      // --max-idle-ms is long so that a pause in the input during the broker bounce cannot end them.)
      const codes = await Promise.all([sigterm(live.c1), sigterm(live.c2)]);
      expect(codes, logs()).toEqual([0, 0]);

      // No transaction left hanging: the last stable offset (kafkajs' admin answers it) reaches the high watermark.
      const raw = new kafkajs.Kafka({ brokers: cluster.brokers, logLevel: kafkajs.logLevel.NOTHING }).admin();
      await raw.connect();
      const stable = await raw.fetchTopicOffsets(output);
      await raw.disconnect();
      const highs = await admin.partitionOffsets(output);
      const byPartition = (xs: Array<{ partition: number; end: number }>) => xs.sort((a, b) => a.partition - b.partition);
      expect(byPartition(stable.map((s) => ({ partition: s.partition, end: Number(s.high) })))).toEqual(
        byPartition(highs.map((h) => ({ partition: h.partition, end: h.high }))),
      );

      const inputRecords = await readTopic(client, input);
      const finalReport = compareCopy(inputRecords, await readTopic(client, output));
      expect(finalReport, traceFindings(procs)).toMatchObject({ exact: true, records: RECORDS });
      await until('the concurrent reader caught up', () => reader.count >= RECORDS, 120_000);
      const concurrentReport = compareCopy(inputRecords, reader.records());
      await reader.stop();
      expect(reader.errors).toEqual([]);
      expect(concurrentReport).toMatchObject({ exact: true, records: RECORDS });
      // Aborted transactions really happened: their records are in the log, invisible to read_committed.
      const everything = await readTopic(client, output, { isolationLevel: 'read_uncommitted' });
      expect(everything.length).toBeGreaterThan(RECORDS);
      console.info(`transactions test (${kind}): ${faults.join('; ')}; output log ${everything.length} records for ${RECORDS} committed`);
    }, 900_000);
  });
});
