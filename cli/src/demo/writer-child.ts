/**
 * A demo writer as its own process, so the demo can SIGKILL it for real.
 * Started as `node writer-child.js '<json WriterChildArgs>'`; prints JSON
 * lines `{"event":"progress","acked":n}` and finally `{"event":"done",...}`.
 *
 * - `eos`: the eoskit idempotent writer (writer id + sequence headers). After
 *   a crash, `connect()` finds in the log how far durable writes reach and the
 *   source resumes right after: nothing lost, at most a few repeats that
 *   carry the same writer id and sequence (downstream drops them).
 * - `alo`: a plain producer that records its source position in a file every
 *   second, as an app committing its progress would. After a crash it re-sends
 *   everything after the last recorded position: at least once.
 */
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createClient, type ClientKind, type EosProducer, type OutgoingRecord } from '@eoskit/core';
import { createWriter, type WriterRecord } from '@eoskit/writer';
import { demoEventKey, demoEventValue } from './demo-event.js';
import { exitWithParent } from './exit-with-parent.js';

/** Arguments of a writer child. */
export interface WriterChildArgs {
  kind: 'eos' | 'alo';
  client: ClientKind;
  bootstrap: string[];
  topic: string;
  count: number;
  /** Events per second: the writers are paced so the faults land mid-stream. */
  ratePerSec: number;
  /** eos: the writer id. */
  writerId: string;
  /** alo: where the source position is recorded. */
  positionFile: string;
}

const POSITION_SAVE_MS = 1000;
const PROGRESS_MS = 200;

const line = (o: object): void => void process.stdout.write(`${JSON.stringify(o)}\n`);
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Waits until `done` events fit the rate since `startedAt`. */
async function pace(startedAt: number, done: number, rate: number): Promise<void> {
  const due = startedAt + (done * 1000) / rate;
  const wait = due - Date.now();
  if (wait > 5) await sleep(wait);
}

async function runEos(args: WriterChildArgs): Promise<void> {
  const writer = createWriter({ client: args.client, brokers: args.bootstrap, writerId: args.writerId, topics: [args.topic], mode: 'idempotent' });
  const last = await writer.connect();
  const from = last.overall + 1;
  const ticker = setInterval(() => line({ event: 'progress', acked: writer.lastSequence().overall + 1 }), PROGRESS_MS);
  try {
    const started = Date.now();
    async function* source(): AsyncGenerator<WriterRecord> {
      for (let seq = from; seq < args.count; seq++) {
        if ((seq - from) % 20 === 0) await pace(started, seq - from, args.ratePerSec);
        yield { key: demoEventKey(seq), value: demoEventValue('eos', seq), sequence: seq };
      }
    }
    await writer.writeMany(source());
    await writer.flush();
  } finally {
    clearInterval(ticker);
    await writer.close();
  }
  line({ event: 'done', acked: args.count, resumedFrom: from });
}

async function runAlo(args: WriterChildArgs): Promise<void> {
  const from = existsSync(args.positionFile) ? Number(readFileSync(args.positionFile, 'utf8')) : 0;
  const save = (n: number): void => {
    writeFileSync(`${args.positionFile}.tmp`, String(n));
    renameSync(`${args.positionFile}.tmp`, args.positionFile);
  };
  const client = await createClient({ client: args.client, brokers: args.bootstrap, clientId: 'eoskit-demo-alo-writer' });
  let producer: EosProducer | undefined;
  let acked = from;
  const ticker = setInterval(() => line({ event: 'progress', acked }), PROGRESS_MS);
  try {
    const batch = Math.max(1, Math.ceil(args.ratePerSec / 20));
    const started = Date.now();
    let saved = Date.now();
    while (acked < args.count) {
      const end = Math.min(args.count, acked + batch);
      await pace(started, end - from, args.ratePerSec);
      const records: OutgoingRecord[] = [];
      for (let seq = acked; seq < end; seq++) {
        records.push({ topic: args.topic, key: Buffer.from(demoEventKey(seq)), value: Buffer.from(demoEventValue('alo', seq)) });
      }
      try {
        if (producer === undefined) {
          producer = client.producer();
          await producer.connect();
        }
        await producer.send(records);
      } catch (err) {
        // At least once: a send whose outcome is unknown is sent again, by a new producer (a failed one is finished).
        process.stderr.write(`demo writer (alo): send failed, sending again: ${err instanceof Error ? err.message : String(err)}\n`);
        await producer?.disconnect().catch(() => undefined);
        producer = undefined;
        await sleep(500);
        continue;
      }
      acked = end;
      if (Date.now() - saved >= POSITION_SAVE_MS) {
        save(acked);
        saved = Date.now();
      }
    }
    save(acked);
  } finally {
    clearInterval(ticker);
    await producer?.disconnect();
    await client.close();
  }
  line({ event: 'done', acked: args.count, resumedFrom: from });
}

exitWithParent();
const args = JSON.parse(process.argv[2] ?? '{}') as WriterChildArgs;
(args.kind === 'eos' ? runEos(args) : runAlo(args)).catch((err: unknown) => {
  process.stderr.write(`demo writer (${args.kind}): ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
