import { openSync, writeSync } from 'node:fs';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { EoskitError, createClient, type ClientKind } from '@eoskit/core';
import { createProcessor, type Guarantee, type ProcessFunction, type Processor, type ProcessorLogger, type ProcessorMetrics } from '@eoskit/processor';
import { parseBootstrap, parseWholeNumber } from './consume-parsers.js';
import { securityFlags, type WithSecurity } from './security-flags.js';
import { armExitWatchdog } from './exit-watchdog.js';
import { watchIdle } from './idle-watch.js';

/** Flags shared by `eoskit copy` and `eoskit count`. */
export interface ProcessorCommandOptions extends WithSecurity {
  bootstrap: string[];
  group: string;
  input: string;
  output: string;
  transactionalIdPrefix: string;
  checkpointIntervalMs: number;
  maxRecords: number;
  guarantee: Guarantee;
  abortRatio: number;
  client: ClientKind;
  maxIdleMs: number;
  instanceId?: string;
  sessionTimeoutMs?: number;
  transactionTimeoutMs?: number;
  dedup: 'sequence' | 'off';
  changelogTopic?: string;
  progressMs: number;
  verbose: boolean;
  traceFile?: string;
}

/** Adds the flags every processor command takes. */
export function processorFlags(command: Command): Command {
  return securityFlags(command)
    .requiredOption('--bootstrap <servers>', 'host:port[,host:port...]', parseBootstrap)
    .requiredOption('--group <id>', 'consumer group id (shared by every process of the job)')
    .requiredOption('--input <topic>', 'topic to read')
    .requiredOption('--output <topic>', 'topic to write (created like the input when missing)')
    .requiredOption('--transactional-id-prefix <prefix>', 'stable prefix of the transactional ids (shared by every process of the job)')
    .option('--checkpoint-interval-ms <ms>', 'longest time a checkpoint (transaction) stays open', parsePositive, 100)
    .option('--max-records <n>', 'most input records in one checkpoint', parsePositive, 5000)
    .addOption(new Option('--guarantee <guarantee>', 'delivery guarantee').choices(['exactly-once', 'at-least-once']).default('exactly-once'))
    .option('--abort-ratio <r>', 'abort this share (0..1) of checkpoints on purpose, then rewind (testing)', parseRatio, 0)
    .addOption(new Option('--client <client>', 'Kafka client library').choices(['kafkajs', 'confluent']).default('kafkajs'))
    .option('--max-idle-ms <ms>', 'exit 0 once nothing new arrived for this long and all is committed', parseWholeNumber, 10_000)
    .option('--instance-id <id>', 'confluent: stable id of this process (unique among live processes; default: host name)')
    .option('--session-timeout-ms <ms>', 'consumer session timeout (how fast a killed process is noticed)', parsePositive)
    .option('--transaction-timeout-ms <ms>', 'transaction.timeout.ms (default 30000)', parsePositive)
    .addOption(new Option('--dedup <mode>', 'drop records an eoskit writer wrote twice').choices(['sequence', 'off']).default('sequence'))
    .option('--changelog-topic <topic>', 'state changelog topic (default <group>-changelog)')
    .option('--progress-ms <ms>', 'print a progress JSON line this often (0: never)', parseWholeNumber, 1000)
    .option('--verbose', 'log recoveries and rebalances on stderr', false)
    .option('--trace-file <file>', 'append a line per batch, seek, rewind and commit to this file (diagnosing; many lines)');
}

/**
 * Runs a processor from the shared flags until it is idle (exit 0), stopped
 * by SIGTERM/SIGINT (exit 0) or failed (exit 1, one line on stderr).
 * Progress goes to stdout as JSON lines: `{"event":"progress",...}`, then
 * `{"event":"done",...}`.
 */
export async function runProcessorCommand(name: string, opts: ProcessorCommandOptions, process_: ProcessFunction): Promise<void> {
  // Handlers first: a SIGTERM while starting up (topic check, client, group join) stops cleanly too,
  // instead of killing the process with the signal. A second signal kills as usual.
  const signal: StopSignal = { requested: false };
  const stop = (): void => {
    signal.requested = true;
    void signal.processor?.stop();
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  if (opts.verbose) process.stderr.write(`eoskit ${name}: starting\n`);
  try {
    await ensureOutputTopic(opts);
    await runProcessor(name, opts, process_, signal);
  } finally {
    process.off('SIGTERM', stop);
    process.off('SIGINT', stop);
  }
}

/** Whether a stop signal came, and the processor it must reach once there is one. */
interface StopSignal {
  requested: boolean;
  processor?: Processor;
}

async function runProcessor(name: string, opts: ProcessorCommandOptions, process_: ProcessFunction, signal: StopSignal): Promise<void> {
  const started = Date.now();
  const processor = createProcessor({
    client: opts.client,
    brokers: opts.bootstrap,
    ...opts.security,
    clientId: `eoskit-${name}`,
    groupId: opts.group,
    inputs: [opts.input],
    outputs: [opts.output],
    transactionalIdPrefix: opts.transactionalIdPrefix,
    ...(opts.instanceId === undefined ? {} : { instanceId: opts.instanceId }),
    guarantee: opts.guarantee,
    checkpoint: { intervalMs: opts.checkpointIntervalMs, maxRecords: opts.maxRecords },
    abortRatio: opts.abortRatio,
    dedup: opts.dedup,
    ...(opts.changelogTopic === undefined ? {} : { changelogTopic: opts.changelogTopic }),
    ...(opts.transactionTimeoutMs === undefined ? {} : { transactionTimeoutMs: opts.transactionTimeoutMs }),
    ...(opts.sessionTimeoutMs === undefined
      ? {}
      : { consumer: { sessionTimeoutMs: opts.sessionTimeoutMs, heartbeatIntervalMs: Math.max(100, Math.floor(opts.sessionTimeoutMs / 5)) } }),
    process: process_,
    logger: processorLogger(name, opts),
  });
  const line = (event: string, m: ProcessorMetrics, extra: Record<string, number> = {}): void => {
    const { consumed, duplicatesDropped, produced, committedRecords, checkpoints, aborted, recoveries, staleBatches, restores, rebalances, assigned, uncommitted } = m;
    const fields = { consumed, duplicatesDropped, produced, committed: committedRecords, checkpoints, aborted, recoveries, staleBatches, restores, rebalances, assigned, uncommitted };
    process.stdout.write(`${JSON.stringify({ event, ...fields, ...extra })}\n`);
  };
  signal.processor = processor;
  const progress = opts.progressMs > 0 ? setInterval(() => line('progress', processor.metrics()), opts.progressMs) : undefined;
  const idle = watchIdle(() => {
    const m = processor.metrics();
    return {
      activity: m.consumed + m.duplicatesDropped + m.aborted + m.recoveries + m.rebalances,
      assigned: m.assigned > 0,
      settled: m.uncommitted === 0 && m.notReady === 0,
    };
  }, opts.maxIdleMs);
  try {
    // Stopped before it started: done() is already settled and the done line reports nothing consumed.
    if (signal.requested) await processor.stop();
    else await processor.start();
    await Promise.race([processor.done(), idle.reached.then(() => processor.stop())]);
    await processor.done();
  } catch (err) {
    const m = processor.metrics();
    line('failed', m);
    armExitWatchdog(name);
    throw err;
  } finally {
    // Stopped by a signal or a failure: the idle watch must not keep the process alive.
    idle.cancel();
    if (progress !== undefined) clearInterval(progress);
  }
  const m = processor.metrics();
  const elapsedMs = Date.now() - started;
  line('done', m, { elapsedMs, msgsPerSec: Math.round((m.committedRecords * 1000) / Math.max(1, elapsedMs)) });
  armExitWatchdog(name);
}

/** stderr gets warnings and errors (and info with --verbose); a trace file gets every line, levels named. */
function processorLogger(name: string, opts: ProcessorCommandOptions): ProcessorLogger {
  const trace = opts.traceFile === undefined ? undefined : traceTo(opts.traceFile);
  const stderr = (m: string): void => void process.stderr.write(`eoskit ${name}: ${m}\n`);
  const both = (level: string, print: boolean) => (m: string) => {
    trace?.(`${level}: ${m}`);
    if (print) stderr(m);
  };
  return {
    ...(trace === undefined ? {} : { debug: trace }),
    info: both('info', opts.verbose),
    warn: both('warn', true),
    error: both('error', true),
  };
}

/**
 * Appends each line at once (synchronously): a process killed with SIGKILL
 * keeps everything it traced up to the kill, which is what a trace is for.
 */
function traceTo(file: string): (message: string) => void {
  let fd: number;
  try {
    fd = openSync(file, 'a');
  } catch (err) {
    throw new EoskitError('CONFIG_INVALID', `--trace-file ${file} cannot be opened: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  return (message) => writeSync(fd, `${new Date().toISOString()} ${process.pid} ${message}\n`);
}

/** Creates the output topic like the input (same partition count) when missing. */
async function ensureOutputTopic(opts: ProcessorCommandOptions): Promise<void> {
  const client = await createClient({ client: opts.client, brokers: opts.bootstrap, ...opts.security });
  try {
    const admin = client.admin();
    await admin.connect();
    try {
      const [input] = await admin.describeTopics([opts.input]).catch(() => []);
      if (input === undefined || input.partitions.length === 0) {
        throw new EoskitError('CONFIG_INVALID', `input topic "${opts.input}" does not exist`);
      }
      await admin.createTopics([{ topic: opts.output, numPartitions: input.partitions.length }]);
    } finally {
      await admin.disconnect();
    }
  } finally {
    await client.close();
  }
}

function parsePositive(value: string): number {
  const n = parseWholeNumber(value);
  if (n < 1) throw new InvalidArgumentError('expected a whole number >= 1');
  return n;
}

function parseRatio(value: string): number {
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < 0 || n >= 1) throw new InvalidArgumentError('expected a number from 0 up to (not including) 1');
  return n;
}
