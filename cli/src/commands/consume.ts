import { closeSync, openSync, writeSync } from 'node:fs';
import { type Command, InvalidArgumentError, Option } from 'commander';
import { EoskitError } from '@eoskit/core';
import type { ClientKind, ConsumedRecord } from '@eoskit/core';
import { createEventsTable, createReader, insertEvents, sinkFromSpec } from '@eoskit/reader';
import type { BuiltinSink, PostgresTx, ReaderMetrics, Sink, SqliteTx } from '@eoskit/reader';
import { parseBootstrap, parseWholeNumber } from './consume-parsers.js';
import { securityFlags, type WithSecurity } from './security-flags.js';
import { watchIdle } from './idle-watch.js';

// Builds the sink (not connected yet) while parsing, so a bad spec is a usage error (exit 2).
function parseSink(spec: string): BuiltinSink {
  try {
    return sinkFromSpec(spec, '--sink');
  } catch (err) {
    throw new InvalidArgumentError((err as Error).message.replace(/^--sink: /, ''));
  }
}

interface ConsumeOptions extends WithSecurity {
  bootstrap: string[];
  group: string;
  topic: string[];
  dedup: 'sequence' | 'key' | 'off';
  client: ClientKind;
  maxIdleMs: number;
  output?: string;
  sink?: BuiltinSink;
  sessionTimeoutMs?: number;
  deadLetterTopic?: string;
  keyWindow?: number;
}

/**
 * Adds `eoskit consume`: the idempotent reader as a command. Exit codes: 0
 * after --max-idle-ms without anything new (everything committed), 1 when the
 * reader failed, 2 for bad arguments.
 */
export function registerConsumeCommand(program: Command): Command {
  return securityFlags(
    program
      .command('consume')
      .description('read committed records with dedup; optionally store them exactly once in a database')
      .requiredOption('--bootstrap <servers>', 'host:port[,host:port...]', parseBootstrap)
      .requiredOption('--group <id>', 'consumer group id')
      .requiredOption('--topic <topic>', 'topic to read (repeatable)', (v: string, prev: string[] = []) => [...prev, v])
      .addOption(new Option('--dedup <mode>', 'drop repeats by writer sequence, by key, or not at all').choices(['sequence', 'key', 'off']).default('sequence'))
      .addOption(new Option('--client <client>', 'Kafka client library').choices(['kafkajs', 'confluent']).default('kafkajs'))
      .option('--max-idle-ms <ms>', 'exit 0 once nothing new arrived for this long', parseWholeNumber, 10_000)
      .option('--output <file>', 'append one JSON line per delivered record (at least once: a batch killed before its commit is written again)')
      .option('--sink <spec>', 'sqlite:PATH or postgres:URL: store records in table events with offsets, in one transaction', parseSink)
      .option('--session-timeout-ms <ms>', 'consumer session timeout (how fast a killed reader is noticed)', parseWholeNumber)
      .option('--dead-letter-topic <topic>', 'send records the handler keeps failing on here instead of stopping')
      .option('--key-window <n>', 'key dedup: records remembered per partition', parseWholeNumber),
  ).action((opts: ConsumeOptions) => runConsume(opts));
}

async function runConsume(opts: ConsumeOptions): Promise<void> {
  const sink = opts.sink;
  type Tx = SqliteTx | PostgresTx;
  const out = opts.output === undefined ? undefined : openSync(opts.output, 'a');
  try {
    if (sink !== undefined) {
      await sink.open();
      await createEventsTable(sink);
    }
    const reader = createReader<Tx>({
      client: opts.client,
      brokers: opts.bootstrap,
      ...opts.security,
      groupId: opts.group,
      topics: opts.topic,
      dedup: opts.dedup,
      key: opts.keyWindow === undefined ? undefined : { windowCount: opts.keyWindow },
      sink: sink as Sink<Tx> | undefined,
      onFailure: opts.deadLetterTopic === undefined ? 'stop' : { deadLetterTopic: opts.deadLetterTopic },
      consumer: opts.sessionTimeoutMs === undefined ? undefined : { sessionTimeoutMs: opts.sessionTimeoutMs, heartbeatIntervalMs: Math.max(100, Math.floor(opts.sessionTimeoutMs / 5)) },
      logger: { warn: (m) => process.stderr.write(`eoskit consume: ${m}\n`) },
    });
    const stop = (): void => void reader.stop();
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    const idle = watchIdle(() => {
      const m = reader.metrics();
      // A rebalance is activity too: partitions taken away and given back deliver nothing for a while.
      return { activity: m.delivered + m.duplicatesDropped + m.deadLettered + m.assignments, assigned: m.assignments > 0, settled: true };
    }, opts.maxIdleMs);
    try {
      await reader.run({
        eachBatch: async (events, { tx }) => {
          if (sink !== undefined) await insertEvents(sink, tx, events);
          if (out !== undefined) writeSync(out, events.map(jsonLine).join(''));
        },
      });
      await Promise.race([reader.done(), idle.reached.then(() => reader.stop())]);
      await reader.done();
    } catch (err) {
      // The handler only writes to the sink or the output file: anything else it throws is a sink failure.
      if (err instanceof EoskitError) throw err;
      throw new EoskitError('SINK', `consume: ${err instanceof Error ? err.message : String(err)}`, { cause: err });
    } finally {
      // Stopped by a signal or a failure: the idle watch must not keep the process alive.
      idle.cancel();
      process.off('SIGTERM', stop);
      process.off('SIGINT', stop);
    }
    const m = reader.metrics();
    process.stdout.write(`${JSON.stringify({ delivered: m.delivered, duplicatesDropped: m.duplicatesDropped, deadLettered: m.deadLettered, invalidHeaders: m.invalidHeaders })}\n`);
  } finally {
    if (out !== undefined) closeSync(out);
    await sink?.close();
  }
}

/** `{"topic","partition","offset","key","value"}` with key and value as UTF-8 text. */
function jsonLine(r: ConsumedRecord): string {
  const text = (b: Buffer | null): string | null => (b === null ? null : b.toString('utf8'));
  return `${JSON.stringify({ topic: r.topic, partition: r.partition, offset: r.offset, key: text(r.key), value: text(r.value) })}\n`;
}

/** Resolves once no record (delivered, dropped or dead-lettered) arrived for `idleMs` since the first assignment. */
