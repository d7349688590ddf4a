import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, decodeWriterHeaders, type ClientKind, type KafkaClient } from '@eoskit/core';
import { sharedBrokers, uniqueName } from './helpers/kafka.js';
import { consumeCommitted, readBack } from './helpers/writer-read-back.js';

/**
 * `eoskit produce --count 20000` SIGKILLed at random moments and restarted
 * until it completes: every sequence must then be in the log exactly once
 * after dropping repeats by sequence, each partition in sequence order; in
 * transactional mode a plain read_committed consumer must see each once
 * without any deduplication. Runs the built CLI (`npx tsc -b` first).
 */
const COUNT = 20_000;
const KILLS = 5;
const CLI = fileURLToPath(new URL('../cli/bin/eoskit.js', import.meta.url));

interface Run {
  child: ChildProcess;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>;
}

function produce(args: string[]): Run {
  const child = spawn(process.execPath, [CLI, 'produce', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string }>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  return { child, exited };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe.each<[ClientKind, 'idempotent' | 'transactional']>([
  ['kafkajs', 'idempotent'],
  ['confluent', 'idempotent'],
  ['kafkajs', 'transactional'],
  ['confluent', 'transactional'],
])('writer > crash > eoskit produce SIGKILLed (%s, %s)', (kind, mode) => {
  const brokers = sharedBrokers(1);
  let client: KafkaClient;
  beforeAll(async () => {
    client = await createClient({ client: 'kafkajs', brokers });
  });
  afterAll(async () => client?.close());

  /** Records in the topic so far (all partitions), or 0 before it exists. */
  async function logSize(topic: string): Promise<number> {
    const admin = client.admin();
    await admin.connect();
    try {
      return (await admin.partitionOffsets(topic)).reduce((n, p) => n + p.high, 0);
    } catch {
      return 0;
    } finally {
      await admin.disconnect();
    }
  }

  it(`keeps every sequence exactly once across ${KILLS}+ kills`, async () => {
    const topic = uniqueName(`crash-${kind}-${mode}`);
    const writerId = uniqueName('crash');
    const args = ['--bootstrap', brokers.join(','), '--topic', topic, '--writer-id', writerId, '--count', String(COUNT)];
    args.push('--mode', mode, '--client', kind, '--value-size', '1000', '--partitions', '6');
    // About 1 MB per transaction: 20 of them, so kills land both mid-transaction and after commits.
    if (mode === 'transactional') args.push('--batch-records', '1000');
    const killedAt: number[] = [];

    // Kills at random points of progress, so each lands mid-write. The targets are spread over
    // the whole count (not steps from where the last kill landed): a fast writer overshoots each
    // target, and steps would add the overshoots up until the count is written before the last kill.
    for (let kill = 0; kill < KILLS; kill++) {
      const run = produce(args);
      const spread = (COUNT * (kill + 0.5 + Math.random() * 0.5)) / (KILLS + 1);
      const target = Math.max(Math.floor(spread), (await logSize(topic)) + 200);
      while (run.child.exitCode === null && (await logSize(topic)) < target) await sleep(25);
      if (run.child.exitCode !== null) break; // finished first: nothing left to interrupt
      run.child.kill('SIGKILL');
      expect((await run.exited).signal).toBe('SIGKILL');
      killedAt.push(await logSize(topic));
    }
    // ...and one soon after start, during connect or recovery.
    const early = produce(args);
    await sleep(100 + Math.random() * 1500);
    early.child.kill('SIGKILL');
    await early.exited;

    const final = produce(args);
    const done = await final.exited;
    expect(done.stderr).toBe('');
    expect(done.code).toBe(0);
    const summary = JSON.parse(done.stdout) as { count: number; resumedFrom: number; written: number; alreadyDurable: number };
    expect(summary.count).toBe(COUNT);
    expect(killedAt.length).toBeGreaterThanOrEqual(KILLS);
    expect(summary.resumedFrom).toBeGreaterThan(0);
    // A transaction in flight at a kill is aborted: its records stay in the log, invisible to read_committed.
    if (mode === 'transactional') expect(await logSize(topic)).toBeGreaterThan(COUNT);

    const read = await readBack(client, topic, writerId, COUNT);
    expect(read.missing).toEqual([]);
    expect(read.outOfOrder).toBe(0);
    expect(read.unique).toBe(COUNT);
    if (mode === 'transactional') {
      // No deduplication at all: committed data holds each sequence once.
      expect(read.duplicates).toBe(0);
      const records = await consumeCommitted(client, topic, COUNT);
      const seqs = records.map((r) => decodeWriterHeaders(r.headers)?.sequence ?? -1);
      expect(seqs.length).toBe(COUNT);
      expect(new Set(seqs).size).toBe(COUNT);
    }
    console.info(
      `writer crash ${kind}/${mode}: killed at log sizes ${killedAt.join(', ')}; ` +
        `${read.duplicates} repeat(s) dropped by sequence; last run resumed from ${summary.resumedFrom}, ` +
        `found ${summary.alreadyDurable} already durable`,
    );
  });
});
