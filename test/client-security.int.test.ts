/**
 * SASL and TLS against a real broker: one 1-node embedded cluster with a
 * SASL_PLAINTEXT listener (PLAIN and SCRAM users) and an SSL listener
 * (certificate from a throwaway CA), used by both clients.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inspect } from 'node:util';
import { createClient, EoskitError, type ClientKind, type ClientOptions, type ConsumedRecord, type KafkaClient } from '@eoskit/core';
import { type EmbeddedCluster, startCluster } from '@eoskit/kafka-embedded';
import { createProcessor, type Processor } from '@eoskit/processor';
import { createReader } from '@eoskit/reader';
import { createWriter } from '@eoskit/writer';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uniqueName } from './helpers/kafka.js';
import { waitFor } from './helpers/reader-fixtures.js';

const CLIENTS: ClientKind[] = ['kafkajs', 'confluent'];
const PASSWORD = 'alice-Pw-7f3c9e';
const WRONG = 'not-alices-pw-51d2';

let cluster: EmbeddedCluster;

beforeAll(async () => {
  // Always embedded: an external cluster has not got these users.
  cluster = await startCluster({ sasl: { users: { alice: PASSWORD } }, tls: true });
});
afterAll(async () => {
  await cluster?.stop();
});

/** Transactional write of 3 records, then a read_committed group consumer and readRanges read them back. */
async function roundTrip(options: ClientOptions): Promise<void> {
  const client: KafkaClient = await createClient(options);
  const topic = uniqueName(`sec-${options.client}`);
  const admin = client.admin();
  try {
    await admin.connect();
    await admin.createTopics([{ topic, numPartitions: 1 }]);
    const producer = client.producer({ transactionalId: uniqueName('sec-tx') });
    await producer.connect();
    const txn = await producer.beginTransaction();
    await txn.send(['a', 'b', 'c'].map((v) => ({ topic, key: null, value: Buffer.from(v) })));
    await txn.commit();
    await producer.disconnect();

    const consumer = client.consumer({ groupId: uniqueName('sec-group'), fromBeginning: true });
    await consumer.connect();
    await consumer.subscribe([topic]);
    const seen: string[] = [];
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`consumer saw ${seen.join(',')} only`)), 60_000);
      consumer
        .run({
          eachBatch: async (batch) => {
            for (const r of batch.records) seen.push(String(r.value));
            if (seen.length >= 3) {
              clearTimeout(timer);
              resolve();
            }
          },
        })
        .catch(reject);
    });
    await consumer.disconnect();
    expect(seen).toEqual(['a', 'b', 'c']);

    const [offsets] = await admin.partitionOffsets(topic);
    const ranged: ConsumedRecord[] = [];
    for await (const r of client.readRanges([{ topic, partition: 0, from: 0, to: offsets?.high ?? 0 }], { timeoutMs: 30_000 })) ranged.push(r);
    expect(ranged.map((r) => String(r.value))).toEqual(['a', 'b', 'c']);
  } finally {
    await admin.disconnect().catch(() => undefined);
    await client.close();
  }
}

const saslBrokers = (): string[] => (cluster.saslBootstrapServers ?? '').split(',');

describe.each(CLIENTS)('core > client > %s > security', (kind) => {
  it.each(['plain', 'scram-sha-256', 'scram-sha-512'] as const)('writes a transaction and reads it back read_committed over SASL %s', async (mechanism) => {
    await roundTrip({ client: kind, brokers: saslBrokers(), sasl: { mechanism, username: 'alice', password: PASSWORD } });
  });

  it('writes a transaction and reads it back over TLS, trusting the cluster CA', async () => {
    const ca = cluster.tlsCa;
    expect(ca).toMatch(/BEGIN CERTIFICATE/);
    await roundTrip({ client: kind, brokers: (cluster.sslBootstrapServers ?? '').split(','), ssl: { ca: ca as string } });
  });

  it.each(['plain', 'scram-sha-512'] as const)('fails a wrong %s password quickly with AUTHORIZATION, never showing the password', async (mechanism) => {
    const client = await createClient({ client: kind, brokers: saslBrokers(), sasl: { mechanism, username: 'alice', password: WRONG } });
    const producer = client.producer({ transactionalId: uniqueName('sec-bad') });
    const consumer = client.consumer({ groupId: uniqueName('sec-bad') });
    const attempts: Array<[string, () => Promise<unknown>]> = [
      ['producer connect', () => producer.connect()],
      ['consumer connect', () => consumer.connect()],
      ['admin connect', () => client.admin().connect()],
      ['readRanges', async () => {
        for await (const _ of client.readRanges([{ topic: 'any', partition: 0, from: 0, to: 1 }], { timeoutMs: 60_000 })) break;
      }],
    ];
    try {
      for (const [what, attempt] of attempts) {
        const started = Date.now();
        const err = await attempt().then(
          () => new Error(`${what} succeeded with a wrong password`),
          (e: unknown) => e,
        );
        expect(err, what).toBeInstanceOf(EoskitError);
        expect([what, (err as EoskitError).code]).toEqual([what, 'AUTHORIZATION']);
        expect((err as EoskitError).message).toMatch(/authenticat/i);
        expect(Date.now() - started, what).toBeLessThan(15_000);
        for (const shown of [String(err), inspect(err, { depth: 20 }), JSON.stringify(err), (err as Error).stack ?? '']) expect(shown).not.toContain(WRONG);
      }
    } finally {
      await producer.disconnect().catch(() => undefined);
      await consumer.disconnect().catch(() => undefined);
      await client.close();
    }
  });
});

describe.each(CLIENTS)('toolkit > %s > a client kind with sasl', (kind) => {
  it('the writer, processor and reader each connect over SASL on their own: 50 events written, copied once and read back', async () => {
    const connection = { client: kind, brokers: saslBrokers(), sasl: { mechanism: 'scram-sha-512', username: 'alice', password: PASSWORD } } as const;
    const [input, output] = [uniqueName(`sec-in-${kind}`), uniqueName(`sec-out-${kind}`)];
    const client = await createClient(connection);
    const admin = client.admin();
    await admin.connect();
    await admin.createTopics([input, output].map((topic) => ({ topic, numPartitions: 2 })));
    await admin.disconnect();
    await client.close();

    const writer = createWriter({ ...connection, writerId: uniqueName('sec-writer'), topics: [input] });
    await writer.connect();
    await writer.writeMany(Array.from({ length: 50 }, (_, i) => ({ topic: input, key: `k${i % 5}`, value: `e${i}` })));
    await writer.close();

    const processor: Processor = createProcessor({
      ...connection,
      groupId: uniqueName('sec-copy'),
      inputs: [input],
      outputs: [output],
      transactionalIdPrefix: uniqueName('sec-copy'),
      process: (e) => ({ topic: output, key: e.key, value: e.value }),
    });
    const seen: string[] = [];
    const reader = createReader({ ...connection, groupId: uniqueName('sec-read'), topics: [output] });
    try {
      await processor.start();
      await reader.run({ eachEvent: (e) => void seen.push(String(e.value)) });
      await waitFor('50 events read from the copy', () => seen.length >= 50, 90_000);
    } finally {
      await processor.stop();
      await reader.stop();
    }
    expect(seen.sort()).toEqual(Array.from({ length: 50 }, (_, i) => `e${i}`).sort());
  });
});

const BIN = fileURLToPath(new URL('../cli/bin/eoskit.js', import.meta.url));

function eoskit(args: string[], password: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env, EOSKIT_SASL_PASSWORD: password };
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe('cli > security flags', () => {
  it('produces over SASL SCRAM (password from EOSKIT_SASL_PASSWORD) and verifies over SASL and over TLS with --tls-ca', async () => {
    const topic = uniqueName('cli-sec');
    const writerId = uniqueName('cli-sec');
    const sasl = ['--bootstrap', cluster.saslBootstrapServers ?? '', '--sasl-mechanism', 'scram-sha-256', '--sasl-username', 'alice'];
    const produced = await eoskit(['produce', ...sasl, '--client', 'confluent', '--topic', topic, '--writer-id', writerId, '--count', '200', '--partitions', '2'], PASSWORD);
    expect(produced.stderr).toBe('');
    expect([produced.code, JSON.parse(produced.stdout)]).toMatchObject([0, { written: 200 }]);
    const verifyArgs = ['verify', '--topic', topic, '--writer', writerId, '--count', '200'];
    const overSasl = await eoskit([...verifyArgs, ...sasl], PASSWORD);
    expect([overSasl.code, JSON.parse(overSasl.stdout)]).toMatchObject([0, { exact: true }]);
    const caFile = join(mkdtempSync(join(tmpdir(), 'eoskit-ca-')), 'ca.pem');
    writeFileSync(caFile, cluster.tlsCa ?? '');
    const overTls = await eoskit([...verifyArgs, '--bootstrap', cluster.sslBootstrapServers ?? '', '--tls-ca', caFile, '--client', 'confluent'], '');
    expect([overTls.code, JSON.parse(overTls.stdout)]).toMatchObject([0, { exact: true }]);
  });

  it('fails with exit 1 and one line naming the authentication failure, not the password', async () => {
    const args = ['verify', '--bootstrap', cluster.saslBootstrapServers ?? '', '--sasl-mechanism', 'plain', '--sasl-username', 'alice'];
    const run = await eoskit([...args, '--topic', 't', '--writer', 'w', '--count', '1'], WRONG);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(/^eoskit: .*authentication failed/im);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stderr + run.stdout).not.toContain(WRONG);
  });
});
