import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, type ClientKind, type ConsumedRecord, type EosAdmin, type EosConsumer, type KafkaClient } from '@eoskit/core';

const CLI = fileURLToPath(new URL('../../cli/bin/eoskit.js', import.meta.url));

/** A spawned `eoskit copy|count` process (the built CLI: run `npx tsc -b` first). */
export interface CliProcess {
  name: string;
  child: ChildProcess;
  /** Exit code, or the signal that ended it. */
  exited: Promise<number | string>;
  /** stdout and stderr interleaved. */
  output(): string;
  /** stdout alone (the progress JSON lines). */
  stdout(): string;
  /** When it was spawned (ms since the epoch). */
  spawnedAt: number;
  /** The processor's debug trace (`--trace-file`) of copy and count processes. */
  traceFile?: string;
}

/** Where processes trace to: kept after the run, so a failure can be read again. */
const TRACE_DIR = process.env['EOSKIT_TRACE_DIR'] ?? join(tmpdir(), 'eoskit-traces');
let traced = 0;

/** Starts `node cli/bin/eoskit.js <args>`; stdout and stderr are kept for failure messages. */
export function spawnCli(name: string, args: string[]): CliProcess {
  let traceFile: string | undefined;
  if (args[0] === 'copy' || args[0] === 'count') {
    mkdirSync(TRACE_DIR, { recursive: true });
    traceFile = join(TRACE_DIR, `${process.pid}-${Date.now()}-${(traced += 1)}-${name.replace(/\W+/g, '_')}.trace`);
    args = [...args, '--trace-file', traceFile];
  }
  const child = spawn(process.execPath, [CLI, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let stdout = '';
  child.stdout?.on('data', (d: Buffer) => {
    out += d.toString();
    stdout += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  return { name, child, exited, output: () => out, stdout: () => stdout, spawnedAt: Date.now(), ...(traceFile === undefined ? {} : { traceFile }) };
}

/**
 * What the processes' traces say about skipped input: every batch that started past its partition's
 * position (a gap; with input written without transactions, offsets have none, so each one skipped
 * records unless a rewind came before the commit), and the trace files, for a failure message.
 */
export function traceFindings(procs: CliProcess[]): string {
  const lines: string[] = [];
  for (const p of procs) {
    if (p.traceFile === undefined || !existsSync(p.traceFile)) continue;
    const gaps = readFileSync(p.traceFile, 'utf8').split('\n').filter((l) => l.includes(', gap '));
    lines.push(`${p.name}: ${p.traceFile} (${gaps.length} gaps)`, ...gaps.slice(0, 20));
  }
  return lines.join('\n');
}

/** Node needs this long to load the CLI before its stop handlers exist (the CLI installs them first thing). */
const LOAD_MS = 3000;

/**
 * Asks a process to stop (SIGTERM) and resolves with its exit. Like any Node program, one still loading its
 * modules dies of the signal, so this waits until the stop handlers exist: for copy and count, until the
 * trace file is there (opened after them), which on a loaded machine can take well over the usual
 * {@link LOAD_MS}; for others, that long after the spawn.
 */
export async function sigterm(p: CliProcess): Promise<number | string> {
  const file = p.traceFile;
  if (file !== undefined) {
    const gone = () => p.child.exitCode !== null || p.child.signalCode !== null;
    await until(`${p.name} to start (its trace file)`, () => existsSync(file) || gone(), 60_000, () => p.output());
  } else {
    const wait = p.spawnedAt + LOAD_MS - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  p.child.kill('SIGTERM');
  return p.exited;
}

/** SIGKILLs a process and waits until it is gone. */
export async function sigkill(p: CliProcess): Promise<void> {
  if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill('SIGKILL');
  await p.exited;
}

/** Input records whose offsets the group committed (sum over partitions); -1 while unreadable (a broker bouncing). */
export async function committedTotal(admin: EosAdmin, groupId: string, topic: string): Promise<number> {
  try {
    const offsets = await admin.committedOffsets(groupId, topic);
    return offsets.reduce((n, o) => n + Math.max(0, o.offset), 0);
  } catch {
    return -1;
  }
}

/** Sum of a topic's high watermarks (its record count when written without transactions). */
export async function endTotal(admin: EosAdmin, topic: string): Promise<number> {
  return (await admin.partitionOffsets(topic)).reduce((n, p) => n + p.high, 0);
}

/** Polls until `check` holds; fails after `timeoutMs` with `what` and `detail()`. */
export async function until(what: string, check: () => Promise<boolean> | boolean, timeoutMs: number, detail: () => string = () => ''): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}\n${detail()}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/**
 * A read_committed consumer reading a topic from the start while the job runs
 * (the "concurrent reader" of Kafka's transactions test). It commits nothing,
 * so a rebalance may deliver a record again; records are kept by position,
 * which a copy's duplicates never share.
 */
export async function concurrentReader(kind: ClientKind, brokers: string[], topic: string, groupId: string) {
  const client: KafkaClient = await createClient({ client: kind, brokers });
  const consumer: EosConsumer = client.consumer({ groupId, isolationLevel: 'read_committed', fromBeginning: true, sessionTimeoutMs: 10_000 });
  const seen = new Map<string, ConsumedRecord>();
  const errors: Error[] = [];
  await consumer.connect();
  await consumer.subscribe([topic]);
  await consumer.run({
    eachBatch: async (batch) => {
      for (const r of batch.records) seen.set(`${r.partition}:${r.offset}`, r);
    },
    onError: (err) => errors.push(err),
  });
  return {
    records: (): ConsumedRecord[] => [...seen.values()],
    get count(): number {
      return seen.size;
    },
    errors,
    stop: async () => {
      await consumer.disconnect().catch(() => undefined);
      await client.close();
    },
  };
}
