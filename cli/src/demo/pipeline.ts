import { join } from 'node:path';
import type { ClientKind, EosAdmin } from '@eoskit/core';
import { spawnChild, type ChildExit, type ChildProc } from './child-proc.js';
import type { DemoAction } from './demo-state.js';
import type { PipelineId } from './demo-types.js';
import type { WriterChildArgs } from './writer-child.js';

/** Options of {@link createPipeline}. */
export interface PipelineOptions {
  id: PipelineId;
  client: ClientKind;
  bootstrap: string[];
  records: number;
  ratePerSec: number;
  /** Folder for the source position file and the child logs. */
  dir: string;
  /** `node` arguments that start `eoskit` (followed by `copy ...`). */
  cliArgs: string[];
  writerScript: string;
  emit: (action: DemoAction) => void;
  now: () => number;
}

/** One writer -> processor pipeline whose processes can be killed and restarted. */
export interface Pipeline {
  readonly id: PipelineId;
  readonly input: string;
  readonly output: string;
  readonly group: string;
  readonly writerDone: boolean;
  readonly unplannedRestarts: number;
  start(): void;
  killWriter(): Promise<void>;
  /** `at`: input records committed so far (for the log). */
  killProcessor(at?: number): Promise<void>;
  /** Input records the group committed, and whether that is the whole input (the processor has nothing left to do). */
  progress(admin: EosAdmin): Promise<{ committed: number; caughtUp: boolean }>;
  /** Stops the processor gracefully (SIGTERM). */
  stopProcessor(): Promise<void>;
  /** SIGKILLs whatever still runs (finally blocks and signals). */
  killAll(): Promise<void>;
  /** Why the pipeline cannot go on, if it cannot. */
  readonly failure: string | undefined;
}

/** Restarts of a process that failed on its own before the demo gives up. */
const MAX_UNPLANNED_RESTARTS = 5;
const RESTART_DELAY_MS = 1000;
/** Longest wait for a processor to exit after SIGTERM, and after its "done" line. */
const STOP_GRACE_MS = 15_000;
const AFTER_DONE_MS = 2000;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** Builds the processes of one pipeline (nothing runs before `start()`). */
export function createPipeline(o: PipelineOptions): Pipeline {
  const input = `demo-${o.id}-input`;
  const output = `demo-${o.id}-output`;
  const group = `demo-${o.id}-copy`;
  let writer: ChildProc | undefined;
  let processor: ChildProc | undefined;
  let writerDone = false;
  let processorStopping = false;
  let unplanned = 0;
  let failure: string | undefined;
  let written = 0;
  let processorDoneAt = 0;
  // Set by killAll: no restart may start a process after it.
  let closed = false;
  const planned = new Set<ChildProc>();
  const emit = (a: DemoAction): void => o.emit(a);

  const onUnplannedExit = (proc: ChildProc, exit: ChildExit, restart: () => void): void => {
    if (planned.has(proc) || (proc === processor && processorStopping)) return;
    if (++unplanned > MAX_UNPLANNED_RESTARTS) {
      failure = `${proc.name} failed ${unplanned} times; last: ${proc.stderrTail() || `exit ${exit.code ?? exit.signal}`}`;
      return;
    }
    emit({ type: 'note', text: `${proc.name} exited (${exit.code ?? exit.signal}) on its own; restarting it`, atMs: o.now() });
    setTimeout(restart, RESTART_DELAY_MS);
  };

  const startWriter = (): void => {
    if (closed) return;
    const args: WriterChildArgs = {
      kind: o.id, client: o.client, bootstrap: o.bootstrap, topic: input, count: o.records, ratePerSec: o.ratePerSec,
      writerId: `demo-${o.id}-writer`, positionFile: join(o.dir, `${o.id}-source-position`),
    };
    let done = false;
    const proc = spawnChild({
      name: `${o.id} writer`,
      args: [o.writerScript, JSON.stringify(args)],
      logFile: join(o.dir, `${o.id}-writer.log`),
      onEvent: (e) => {
        if (e.event === 'progress' && typeof e.acked === 'number') {
          written = e.acked;
          emit({ type: 'written', pipeline: o.id, count: e.acked, atMs: o.now() });
        }
        if (e.event === 'done') done = true;
      },
    });
    writer = proc;
    void proc.exited.then((exit) => {
      if (exit.code === 0 && done) {
        writerDone = true;
        emit({ type: 'writer-done', pipeline: o.id, atMs: o.now() });
      } else onUnplannedExit(proc, exit, startWriter);
    });
  };

  const startProcessor = (): void => {
    if (closed) return;
    processorDoneAt = 0;
    const proc = spawnChild({
      name: `${o.id} processor`,
      args: [
        ...o.cliArgs, 'copy', '--bootstrap', o.bootstrap.join(','), '--group', group, '--input', input, '--output', output,
        '--transactional-id-prefix', group, '--client', o.client,
        '--guarantee', o.id === 'eos' ? 'exactly-once' : 'at-least-once', '--dedup', o.id === 'eos' ? 'sequence' : 'off',
        // The demo stops it once the group committed everything; idle exit is only a backstop.
        '--max-idle-ms', '600000', '--progress-ms', '250', '--session-timeout-ms', '4000', '--verbose',
      ],
      logFile: join(o.dir, `${o.id}-processor.log`),
      // Progress is read from the group's committed offsets (see progress()); the lines go to the log.
      onEvent: (e) => {
        if (e.event === 'done') processorDoneAt = Date.now();
      },
    });
    processor = proc;
    void proc.exited.then((exit) => onUnplannedExit(proc, exit, startProcessor));
  };

  const kill = async (proc: ChildProc | undefined, fault: 'writer' | 'processor', at: number | undefined, restart: () => void): Promise<void> => {
    if (proc === undefined || !proc.running) return;
    planned.add(proc);
    await proc.stop('SIGKILL');
    emit({ type: 'fault', fault: `${fault}-kill`, pipeline: o.id, ...(at === undefined ? {} : { at }), atMs: o.now() });
    await sleep(RESTART_DELAY_MS);
    if (closed) return;
    restart();
    emit({ type: 'fault', fault: `${fault}-restart`, pipeline: o.id, atMs: o.now() });
  };

  return {
    id: o.id,
    input,
    output,
    group,
    get writerDone() {
      return writerDone;
    },
    get unplannedRestarts() {
      return unplanned;
    },
    get failure() {
      return failure;
    },
    start() {
      startProcessor();
      startWriter();
    },
    killWriter: () => kill(writer, 'writer', written, startWriter),
    killProcessor: (at) => kill(processor, 'processor', at, startProcessor),
    async progress(admin) {
      const [ends, committed] = await Promise.all([admin.partitionOffsets(input), admin.committedOffsets(group, input)]);
      const at = (partition: number): number => committed.find((c) => c.partition === partition)?.offset ?? -1;
      return {
        committed: ends.reduce((n, end) => n + Math.max(0, at(end.partition) - end.low), 0),
        caughtUp: ends.every((end) => at(end.partition) >= end.high),
      };
    },
    async stopProcessor() {
      processorStopping = true;
      const proc = processor;
      if (proc !== undefined) {
        void proc.stop('SIGTERM');
        // Everything it did is committed (the caller checked): one that does not exit soon after its
        // "done" line (a client handle left open after a broker bounce) is ended for good.
        const sent = Date.now();
        while (proc.running && Date.now() - sent < STOP_GRACE_MS && (processorDoneAt === 0 || Date.now() - processorDoneAt < AFTER_DONE_MS)) await sleep(100);
        if (proc.running) {
          emit({ type: 'note', text: `${proc.name} printed its final line but did not exit; SIGKILLed it (its work was committed)`, atMs: o.now() });
          await proc.stop('SIGKILL');
        }
      }
      emit({ type: 'processor-done', pipeline: o.id, atMs: o.now() });
    },
    async killAll() {
      closed = true;
      processorStopping = true;
      for (const p of [writer, processor]) if (p !== undefined) planned.add(p);
      await Promise.all([writer?.stop('SIGKILL'), processor?.stop('SIGKILL')]);
    },
  };
}
