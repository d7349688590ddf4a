import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createClient, EoskitError, type KafkaClient } from '@eoskit/core';
import { startCluster, type EmbeddedCluster } from '@eoskit/kafka-embedded';
import type { DemoOptions } from './demo-options.js';
import type { DemoAction, DemoState } from './demo-state.js';
import { PIPELINES, type DemoSummary } from './demo-types.js';
import { createPipeline, type Pipeline } from './pipeline.js';
import { readResults } from './read-results.js';
import { runFaultLoop } from './fault-loop.js';

/** Seconds the writers take for all events (paced, so the faults land mid-stream). */
export const WRITE_SECONDS = 12;

/** What {@link runDemo} needs besides the options. */
export interface RunDemoDeps {
  /** Receives every action (the views reduce them into a {@link DemoState}). */
  emit: (action: DemoAction) => void;
  state: () => DemoState;
  /** Aborted by SIGINT/SIGTERM: the demo stops its processes and the cluster, then rejects. */
  signal: AbortSignal;
}

const PROCESSOR_SCRIPT = fileURLToPath(new URL('./processor-child.js', import.meta.url));
const WRITER_SCRIPT = fileURLToPath(new URL('./writer-child.js', import.meta.url));

/**
 * Runs the demo: an embedded cluster, then both pipelines (exactly-once and
 * at-least-once) side by side under the same faults, then the final readers.
 * Every process and the cluster are stopped before it returns or throws.
 */
export async function runDemo(options: DemoOptions, deps: RunDemoDeps): Promise<DemoSummary> {
  const started = Date.now();
  const now = (): number => Date.now() - started;
  const ownDir = options.dir === undefined;
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'eoskit-demo-'));
  const logs = join(dir, 'logs');
  // A reused --dir must not hand the at-least-once writer the source position of an earlier run.
  rmSync(logs, { recursive: true, force: true });
  mkdirSync(logs, { recursive: true });
  let cluster: EmbeddedCluster | undefined;
  let client: KafkaClient | undefined;
  let observer: KafkaClient | undefined;
  const pipelines: Pipeline[] = [];
  let ok = false;
  // A signal ends the run at once, whatever it waits for: the finally block below stops everything.
  const interrupted = new Promise<never>((_, reject) => {
    const onAbort = (): void => reject(new EoskitError('CLOSED', 'interrupted'));
    if (deps.signal.aborted) onAbort();
    else deps.signal.addEventListener('abort', onAbort, { once: true });
  });
  interrupted.catch(() => undefined);
  const starting = startCluster({
    nodes: options.nodes,
    dir: join(dir, `kafka-${Date.now()}`),
    embeddedOnly: true,
    log: (m) => deps.emit({ type: 'note', text: m, atMs: now() }),
  });
  try {
    cluster = await Promise.race([starting, interrupted]);
    deps.emit({ type: 'cluster-ready', bootstrap: cluster.bootstrapServers, atMs: now() });
    const bootstrap = cluster.bootstrapServers.split(',');
    client = await createClient({ client: options.client, brokers: bootstrap, clientId: 'eoskit-demo-reader' });
    // The demo watches the groups with kafkajs whatever --client says: a fresh admin per poll is
    // cheap there, while each confluent admin is a librdkafka instance with its own threads.
    observer = await createClient({ client: 'kafkajs', brokers: bootstrap, clientId: 'eoskit-demo' });
    for (const id of PIPELINES) {
      pipelines.push(
        createPipeline({
          id, client: options.client, bootstrap, records: options.records, ratePerSec: options.records / WRITE_SECONDS,
          dir: logs, cliArgs: [PROCESSOR_SCRIPT], writerScript: WRITER_SCRIPT, emit: deps.emit, now,
        }),
      );
    }
    const kafka = client;
    const watch = observer;
    const running = cluster;
    const work = async (): Promise<Pick<DemoSummary, 'brokerBounces' | 'pipelines'>> => {
      await createTopics(watch, pipelines, options.nodes);
      deps.emit({ type: 'phase', phase: 'running', atMs: now() });
      for (const p of pipelines) p.start();
      const brokerBounces = await runFaultLoop({ cluster: running, client: watch, pipelines, faults: options.faults, nodes: options.nodes, emit: deps.emit, state: deps.state, signal: deps.signal, now });
      deps.emit({ type: 'phase', phase: 'reading', atMs: now() });
      return { brokerBounces, pipelines: await readResults({ client: kafka, pipelines, records: options.records, state: deps.state() }) };
    };
    const pending = work();
    pending.catch(() => undefined);
    const { brokerBounces, pipelines: results } = await Promise.race([pending, interrupted]);
    ok = true;
    return {
      records: options.records, client: options.client, nodes: options.nodes, bootstrap: running.bootstrapServers, faults: options.faults,
      brokerBounces, elapsedMs: now(), pipelines: results, exact: results.eos.exact,
    };
  } finally {
    await Promise.all(pipelines.map((p) => p.killAll()));
    await client?.close().catch(() => undefined);
    await observer?.close().catch(() => undefined);
    // Interrupted while starting: the cluster is stopped once its start returns.
    await (cluster ?? (await starting.catch(() => undefined)))?.stop();
    if (ownDir && (ok || deps.signal.aborted)) rmSync(dir, { recursive: true, force: true });
    else if (!ok) deps.emit({ type: 'note', text: `logs of the run kept in ${logs}`, atMs: now() });
  }
}

/** Inputs and outputs, 3 partitions, RF = cluster size. Outputs too: a processor creating its output right after the cluster started can meet UNKNOWN_TOPIC_OR_PARTITION. */
async function createTopics(client: KafkaClient, pipelines: Pipeline[], nodes: number): Promise<void> {
  const admin = client.admin();
  await admin.connect();
  try {
    const topics = pipelines.flatMap((p) => [p.input, p.output]);
    await admin.createTopics(topics.map((topic) => ({ topic, numPartitions: 3, replicationFactor: nodes })));
  } finally {
    await admin.disconnect();
  }
}
