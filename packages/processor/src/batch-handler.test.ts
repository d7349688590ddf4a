import type { ConsumedBatch, ConsumedRecord, EosConsumer, OutgoingRecord, TopicPartitionOffset } from '@eoskit/core';
import { topicPartitionKey } from '@eoskit/reader';
import { describe, expect, it } from 'vitest';
import { handleBatch } from './batch-handler.js';
import type { CheckpointScope } from './checkpoint-scope.js';
import { CheckpointState, checkpointLifecycle } from './checkpoint-state.js';
import { PartitionTask } from './partition-task.js';
import { MetricsRecorder } from './processor-metrics.js';
import type { Runtime } from './runtime.js';
import type { ScopeSet } from './scope-set.js';
import { SerialLock } from './serial-lock.js';

const tp = { topic: 'in', partition: 0 };

/**
 * handleBatch over in-memory stand-ins for the consumer and the producer scope: what it takes, drops
 * and seeks is pure logic. The Kafka paths are covered by the processor's integration and system tests.
 */
function harness() {
  const seeks: TopicPartitionOffset[] = [];
  let seekCount = 0;
  const processed: number[] = [];
  const sent: OutgoingRecord[] = [];
  const scope: CheckpointScope = {
    id: 'scope',
    machine: checkpointLifecycle('scope'),
    openedAt: 0,
    connect: async () => undefined,
    open: async () => {
      if (!scope.machine.is(CheckpointState.idle)) return;
      scope.machine.to(CheckpointState.open);
      (scope as { openedAt: number }).openedAt = Date.now();
    },
    send: (records) => void sent.push(...records),
    room: async () => undefined,
    commit: async () => undefined,
    abort: async () => true,
    reset: async () => undefined,
    close: async () => undefined,
  };
  const consumer = { seek: (p: TopicPartitionOffset) => void (seeks.push(p), (seekCount += 1)) } as unknown as EosConsumer;
  const task = new PartitionTask(tp, null);
  const tasks = new Map([[topicPartitionKey(tp), task]]);
  const rt = {
    options: { process: (r: ConsumedRecord) => void processed.push(r.offset) },
    resolved: { maxRecords: 1_000_000, intervalMs: 60_000 },
    consumer,
    scopes: { scopeOf: () => scope, all: () => [scope] } as unknown as ScopeSet,
    tasks,
    metrics: new MetricsRecorder(),
    lock: new SerialLock(),
    log: {},
    running: () => true,
    fail: (err: unknown) => {
      throw err;
    },
    armCheckpointTimer: () => undefined,
  } as unknown as Runtime;
  /** A batch of offsets `from..to` as the consumer loop hands it over: stale once any seek follows it. */
  const batch = (from: number, to: number): ConsumedBatch => {
    const seeksBefore = seekCount;
    const records = Array.from({ length: to - from + 1 }, (_, i): ConsumedRecord => ({ ...tp, offset: from + i, key: null, value: null, headers: {}, timestamp: 0 }));
    return { ...tp, records, highWatermark: -1, isStale: () => seekCount !== seeksBefore };
  };
  return { rt, task, seeks, processed, sent, batch, seekNow: (offset: number) => consumer.seek({ ...tp, offset }) };
}

describe('processor > batch handler', () => {
  it('drops a batch whose partition was seeked while it waited for the lock (a reload started the partition meanwhile)', async () => {
    const h = harness();
    let reloadDone!: () => void;
    // A reload holds the lock: it activates the partition at its committed offset and seeks there.
    const reload = h.rt.lock.run(
      () =>
        new Promise<void>((resolve) => {
          reloadDone = () => {
            h.task.activate({ offset: 100, state: new Map(), dedup: null });
            h.seekNow(100);
            resolve();
          };
        }),
    );
    const waiting = handleBatch(h.rt, h.batch(500, 520)); // fetched from where the client had got to
    await new Promise((resolve) => setTimeout(resolve, 5));
    reloadDone();
    await Promise.all([reload, waiting]);
    expect(h.processed).toEqual([]); // taking it would have skipped 100..499
    expect(h.task.position).toBe(100);
    expect(h.rt.metrics.snapshot({ state: 'running', assigned: 1, notReady: 0, uncommitted: 0 }).staleBatches).toBe(1);
    await handleBatch(h.rt, h.batch(100, 102));
    expect(h.processed).toEqual([100, 101, 102]);
  });

  it('drops batches while the partition is not ready, and then takes nothing from where the client read to until the seek shows', async () => {
    const h = harness();
    await handleBatch(h.rt, h.batch(0, 499)); // still preparing: dropped, but the client reads on
    expect(h.processed).toEqual([]);
    h.task.activate({ offset: 100, state: new Map(), dedup: null });
    // A batch fetched before the start's seek that the client did not flag (another broker's late answer).
    await handleBatch(h.rt, { ...h.batch(500, 510), isStale: () => false });
    expect(h.processed).toEqual([]);
    expect(h.seeks.at(-1)).toEqual({ ...tp, offset: 100 }); // sought again
    expect(h.rt.metrics.snapshot({ state: 'running', assigned: 1, notReady: 0, uncommitted: 0 }).staleBatches).toBe(1);
    await handleBatch(h.rt, h.batch(100, 101));
    expect(h.processed).toEqual([100, 101]);
  });

  it('seeks back instead of passing over a batch whose scope is busy', async () => {
    const h = harness();
    h.task.activate({ offset: 0, state: new Map(), dedup: null });
    const scope = (h.rt.scopes as unknown as { all(): CheckpointScope[] }).all()[0]!;
    scope.machine.to(CheckpointState.broken);
    await handleBatch(h.rt, h.batch(0, 9));
    expect(h.processed).toEqual([]);
    expect(h.seeks).toEqual([{ ...tp, offset: 0 }]);
  });
});
