import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type ClientKind, type KafkaClient } from '@eoskit/core';
import { sharedBrokers, uniqueName } from '../../../test/helpers/kafka.js';
import { readBack } from '../../../test/helpers/writer-read-back.js';

const BIN = fileURLToPath(new URL('../../bin/eoskit.js', import.meta.url));

function eoskit(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  return new Promise((resolve) => child.on('exit', (code) => resolve({ code, stdout, stderr })));
}

describe.each<ClientKind>(['kafkajs', 'confluent'])('cli > produce > %s', (kind) => {
  const brokers = sharedBrokers(1);
  let client: KafkaClient;
  beforeAll(async () => {
    client = await createClient({ client: 'kafkajs', brokers });
  });
  afterAll(async () => client?.close());

  it('creates the topic, writes 0..N-1, prints a one-line summary, and a rerun has nothing left to do', async () => {
    const topic = uniqueName(`produce-${kind}`);
    const writerId = uniqueName('produce');
    const args = ['produce', '--bootstrap', brokers.join(','), '--topic', topic, '--writer-id', writerId, '--count', '3000'];
    args.push('--client', kind, '--keys', '10', '--partitions', '3', '--value-size', '300');
    const first = await eoskit(args);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(first.stdout)).toMatchObject({ count: 3000, resumedFrom: 0, written: 3000, alreadyDurable: 0, writer: writerId });

    const again = await eoskit(args);
    expect(again.code).toBe(0);
    expect(JSON.parse(again.stdout)).toMatchObject({ count: 3000, resumedFrom: 3000, written: 0 });

    const more = await eoskit(args.map((a) => (a === '3000' ? '3500' : a)));
    expect(JSON.parse(more.stdout)).toMatchObject({ count: 3500, resumedFrom: 3000, written: 500 });

    const admin = client.admin();
    await admin.connect();
    const [described] = await admin.describeTopics([topic]);
    await admin.disconnect();
    expect(described?.partitions).toHaveLength(3);
    const read = await readBack(client, topic, writerId, 3500);
    expect(read).toMatchObject({ records: 3500, unique: 3500, duplicates: 0, missing: [], outOfOrder: 0 });
  });

  it('fails with one line and exit 1 when Kafka refuses, e.g. a topic name Kafka rejects', async () => {
    const result = await eoskit(['produce', '--bootstrap', brokers.join(','), '--topic', 'bad topic!', '--writer-id', 'w', '--count', '1', '--client', kind]);
    expect(result.code).toBe(1);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toMatch(/^eoskit: /);
  });
});
