import { EoskitError, withDeadline, type KafkaClient } from '@eoskit/core';
import type { EmbeddedCluster } from '@eoskit/kafka-embedded';
import type { DemoAction, DemoState } from './demo-state.js';
import { progressLine } from './demo-lines.js';
import { dueFaults, faultKey, type PlannedFault } from './fault-plan.js';
import type { Pipeline } from './pipeline.js';

/** Options of {@link runFaultLoop}. */
export interface FaultLoopOptions {
  cluster: EmbeddedCluster;
  client: KafkaClient;
  pipelines: Pipeline[];
  faults: boolean;
  nodes: number;
  emit: (action: DemoAction) => void;
  state: () => DemoState;
  signal: AbortSignal;
  now: () => number;
}

const TICK_MS = 250;
/** How often the groups' committed offsets are read (progress and the end of each pipeline). */
const POLL_MS = 1000;
/** How long the killed broker stays down. */
const BROKER_DOWN_MS = 3000;
/** Time between a restart and the next fault. */
const FAULT_GAP_MS = 4000;
/** A pipeline that has not drained by then is reported as stuck. */
const DRAIN_LIMIT_MS = 180_000;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

/**
 * Watches both pipelines, fires each planned fault once (see fault-plan.ts),
 * and stops each processor once its writer is done, its faults have fired
 * and its group committed the whole input. Resolves with the number of broker
 * bounces once both processors stopped.
 */
export async function runFaultLoop(o: FaultLoopOptions): Promise<number> {
  const fired = new Set<string>();
  const busy = new Set<string>();
  const pending: Promise<void>[] = [];
  let bounces = 0;
  let faultError: unknown;
  let settledAt = 0;
  const brokerNode = 2;

  const fire = async (f: PlannedFault): Promise<void> => {
    const key = f.kind === 'broker-kill' ? 'broker' : f.pipeline;
    busy.add(key);
    try {
      if (f.kind === 'broker-kill') {
        const written = Math.min(...o.pipelines.map((p) => o.state().pipelines[p.id].written));
        await o.cluster.kill(brokerNode);
        o.emit({ type: 'fault', fault: 'broker-kill', node: brokerNode, at: written, atMs: o.now() });
        await sleep(BROKER_DOWN_MS);
        await o.cluster.restart(brokerNode);
        bounces++;
        o.emit({ type: 'fault', fault: 'broker-restart', node: brokerNode, atMs: o.now() });
      } else {
        const p = o.pipelines.find((x) => x.id === f.pipeline)!;
        await (f.kind === 'writer-kill' ? p.killWriter() : p.killProcessor(o.state().pipelines[p.id].processed));
      }
    } finally {
      busy.delete(key);
      settledAt = Date.now();
    }
  };

  const drained = new Set<string>();
  let polled = 0;
  const deadline = Date.now() + DRAIN_LIMIT_MS;
  while (drained.size < o.pipelines.length) {
    o.signal.throwIfAborted();
    const failed = o.pipelines.find((p) => p.failure !== undefined);
    if (failed !== undefined) throw new EoskitError('KAFKA', failed.failure!);
    if (faultError !== undefined) throw faultError;
    if (Date.now() > deadline) throw new EoskitError('TIMEOUT', `pipelines did not drain in ${DRAIN_LIMIT_MS / 1000} s: ${progressLine(o.state())}`);
    o.emit({ type: 'tick', atMs: o.now() });
    // Process kills of the two pipelines may overlap; the broker bounce comes alone, a few seconds
    // after the last restart: a processor starting while a broker is down fails its start-up checks,
    // which makes a slower demo, not a stronger proof.
    for (const f of o.faults && !busy.has('broker') ? dueFaults(o.state(), fired) : []) {
      const quiet = busy.size === 0 && Date.now() - settledAt >= FAULT_GAP_MS;
      if ((f.kind === 'broker-kill' && !quiet) || (f.kind !== 'broker-kill' && busy.has(f.pipeline))) continue;
      fired.add(faultKey(f));
      pending.push(fire(f).catch((err: unknown) => void (faultError ??= err)));
      if (f.kind === 'broker-kill') break;
    }
    if (Date.now() - polled >= POLL_MS) {
      polled = Date.now();
      // A fresh admin each round: an admin client can stay wedged after its broker was killed.
      const admin = o.client.admin();
      const connected = await withDeadline(admin.connect(), POLL_MS * 2, 'admin connect').then(() => true, () => false);
      for (const p of o.pipelines) {
        if (drained.has(p.id) || !connected) continue;
        const progress = await withDeadline(p.progress(admin), POLL_MS * 2, 'progress poll').catch(() => undefined);
        if (progress === undefined) continue;
        o.emit({ type: 'processed', pipeline: p.id, count: progress.committed, atMs: o.now() });
        if (!progress.caughtUp || !p.writerDone || busy.has(p.id) || busy.has('broker')) continue;
        const planned = [`processor-kill:${p.id}`, `writer-kill:${p.id}`, ...(o.nodes >= 3 ? ['broker-kill'] : [])];
        if (o.faults && !planned.every((k) => fired.has(k))) continue;
        await p.stopProcessor();
        drained.add(p.id);
      }
      void admin.disconnect().catch(() => undefined);
    }
    await sleep(TICK_MS);
  }
  await Promise.all(pending);
  return bounces;
}
