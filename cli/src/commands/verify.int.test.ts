import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { createClient } from '@eoskit/core';
import type { ClientKind, EosAdmin, KafkaClient, OutgoingRecord } from '@eoskit/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedBrokers, uniqueName } from '../../../test/helpers/kafka.js';
import { produceStamped, sequences } from '../../../test/helpers/reader-fixtures.js';

const BIN = fileURLToPath(new URL('../../bin/eoskit.js', import.meta.url));
const CLIENTS: ClientKind[] = ['kafkajs', 'confluent'];

function eoskit(args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('exit', (code) => resolve({ code, stdout, stderr }));
  });
}

describe.each(CLIENTS)('cli > verify > %s', (kind) => {
  let client: KafkaClient;
  let admin: EosAdmin;
  beforeAll(async () => {
    client = await createClient({ client: kind, brokers: sharedBrokers() });
    admin = client.admin();
    await admin.connect();
  });
  afterAll(async () => {
    await admin?.disconnect();
    await client?.close();
  });
  const topic = async (prefix: string, numPartitions = 2): Promise<string> => {
    const name = uniqueName(`${prefix}-${kind}`);
    await admin.createTopics([{ topic: name, numPartitions }]);
    return name;
  };
  const rec = (t: string, key: string, value: string, partition: number): OutgoingRecord => ({ topic: t, partition, key: Buffer.from(key), value: Buffer.from(value) });
  const send = async (records: OutgoingRecord[]): Promise<void> => {
    const p = client.producer();
    await p.connect();
    await p.send(records);
    await p.disconnect();
  };
  const verify = (args: string[]) => eoskit(['verify', '--bootstrap', sharedBrokers().join(','), '--client', kind, ...args]);

  it('copy form: exact copy exits 0 though the copy has aborted records; a broken copy exits 1 with the counts', async () => {
    const input = await topic('vf-in');
    const good = await topic('vf-good', 3);
    const bad = await topic('vf-bad');
    const events = Array.from({ length: 12 }, (_, i) => [`k${i % 3}`, `v${i}`] as const);
    await send(events.map(([k, v]) => rec(input, k, v, Number(k.slice(1)) % 2))); // a key stays in one partition
    // The good copy is transactional, with an aborted attempt in between.
    const tx = client.producer({ transactionalId: uniqueName(`vf-${kind}`) });
    await tx.connect();
    let t = await tx.beginTransaction();
    await t.send(events.slice(0, 6).map(([k, v]) => rec(good, k, v, Number(k.slice(1)))));
    await t.commit();
    t = await tx.beginTransaction();
    await t.send(events.slice(6).map(([k, v]) => rec(good, k, v, Number(k.slice(1)))));
    await t.abort();
    t = await tx.beginTransaction();
    await t.send(events.slice(6).map(([k, v]) => rec(good, k, v, Number(k.slice(1)))));
    await t.commit();
    await tx.disconnect();
    const ok = await verify(['--input', input, '--output', good]);
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout)).toEqual({ records: 12, unique: 12, duplicates: 0, missing: 0, outOfOrder: 0, unexpected: 0, exact: true });

    // Bad copy: v0 twice, v11 missing, v3 before v0 (same key k0), and a stranger.
    const broken = [events[3]!, events[0]!, events[0]!, ...events.slice(1, 3), ...events.slice(4, 11), ['zz', 'nope'] as const];
    await send(broken.map(([k, v]) => rec(bad, k, v, 0)));
    const no = await verify(['--input', input, '--output', bad]);
    expect(no.code).toBe(1);
    expect(JSON.parse(no.stdout)).toEqual({ records: 13, unique: 12, duplicates: 1, missing: 1, outOfOrder: 1, unexpected: 1, exact: false });
  });

  it('writer form: counts repeats unless --dedup drops them as the reader would', async () => {
    const t = await topic('vf-writer');
    await produceStamped(client, t, [...sequences('w', 0, 10), ...sequences('w', 3, 5), ...sequences('other', 0, 3)], 2);
    const raw = await verify(['--topic', t, '--writer', 'w', '--count', '10']);
    expect(raw.code).toBe(1);
    expect(JSON.parse(raw.stdout)).toMatchObject({ records: 12, unique: 10, duplicates: 2, missing: 0, exact: false });
    const deduped = await verify(['--topic', t, '--writer', 'w', '--count', '10', '--dedup']);
    expect(deduped.code, deduped.stderr).toBe(0);
    const short = await verify(['--topic', t, '--writer', 'w', '--count', '12', '--dedup']);
    expect(JSON.parse(short.stdout)).toMatchObject({ missing: 2, exact: false });
  });

  it('refuses mixed or incomplete forms as usage errors', async () => {
    expect((await verify(['--input', 'a'])).code).toBe(2);
    expect((await verify(['--input', 'a', '--output', 'b', '--topic', 'c'])).code).toBe(2);
  });
});
