import { hostname } from 'node:os';
import { EoskitError, isEoskitError, openClientChoice } from '@eoskit/core';
import type { EosAdmin, EosConsumer, KafkaClient } from '@eoskit/core';
import { dedupStrategy } from '@eoskit/reader';
import { AbortSchedule } from './abort-schedule.js';
import { AdminHandle } from './admin-handle.js';
import { finishBeforeRevocation, assignPartitions, revokePartitions } from './assignments.js';
import { handleBatch } from './batch-handler.js';
import { checkClusterConfig } from './check-cluster-config.js';
import { CheckpointState } from './checkpoint-state.js';
import { checkpointAll, checkpointDue } from './checkpointer.js';
import { effectiveConsumerConfig, effectiveProducerConfig } from './effective-config.js';
import { ensureChangelogTopic } from './ensure-changelog.js';
import { messageOf } from './failure-kind.js';
import { MetricsRecorder, type ProcessorMetrics } from './processor-metrics.js';
import { ProcessorState, processorLifecycle, type ProcessorStateName } from './processor-state.js';
import type { Processor, ProcessorOptions } from './processor-types.js';
import type { Runtime } from './runtime.js';
import { ScopeSet, type ScopeLayout } from './scope-set.js';
import { SerialLock } from './serial-lock.js';
import { partitionTransactionalId, processTransactionalId } from './transactional-ids.js';
import { DEFAULTS, type ResolvedOptions } from './validate-options.js';

const P = ProcessorState;
const C = CheckpointState;
const MAX_BATCH = 500;

/** The processor behind {@link createProcessor}: lifecycle and wiring; the steps live in their own files. */
export class KafkaProcessor implements Processor {
  private readonly life = processorLifecycle();
  private readonly recorder = new MetricsRecorder();
  private readonly lock = new SerialLock();
  private readonly timers = new Set<NodeJS.Timeout>();
  private checkpointTimer: NodeJS.Timeout | undefined;
  private client: KafkaClient | undefined;
  private ownClient = false;
  private admin: EosAdmin | undefined;
  private runningAdmin: AdminHandle | undefined;
  private consumer: EosConsumer | undefined;
  private scopes: ScopeSet | undefined;
  private rt: Runtime | undefined;
  private starting: Promise<void> | undefined;
  private stopping: Promise<void> | undefined;
  private readonly settled: Promise<void>;
  private settle!: { resolve: () => void; reject: (err: unknown) => void };

  constructor(
    private readonly options: ProcessorOptions,
    private readonly resolved: ResolvedOptions,
  ) {
    this.settled = new Promise((resolve, reject) => (this.settle = { resolve, reject }));
    this.settled.catch(() => undefined); // observed through done()
  }

  get state(): ProcessorStateName {
    return this.life.state;
  }

  start(): Promise<void> {
    if (!this.life.is(P.created)) return Promise.reject(new EoskitError('CLOSED', `processor ${this.options.groupId} was already started`));
    this.life.to(P.starting);
    this.starting = this.startUp().catch(async (err: unknown) => {
      if (this.life.can(P.failed)) this.life.to(P.failed);
      await this.release(false);
      this.settle.reject(err);
      throw err;
    });
    return this.starting;
  }

  private async startUp(): Promise<void> {
    const o = this.options;
    const r = this.resolved;
    const log = o.logger ?? {};
    const { client, owned } = await openClientChoice(o, 'eoskit-processor');
    this.client = client;
    this.ownClient = owned;
    const admin = client.admin();
    this.admin = admin;
    await admin.connect();
    const layout = this.layout(client.kind);
    const exampleId = layout.kind === 'plain' ? undefined : layout.scheme === 'per-process' ? processTransactionalId(layout.prefix, layout.instanceId) : partitionTransactionalId(layout.prefix, { topic: o.inputs[0]!, partition: 0 });

    const inputPartitions = await this.inputPartitions(admin);
    const brokerCount = (await admin.brokers()).length;
    await ensureChangelogTopic(admin, r.changelogTopic, Math.max(...inputPartitions), brokerCount);
    await checkClusterConfig({
      admin,
      kind: client.kind,
      producer: effectiveProducerConfig(client.kind, r, exampleId),
      consumer: effectiveConsumerConfig(o, r),
      topics: [
        ...o.inputs.map((name) => ({ name, role: 'input' })),
        ...(o.outputs ?? []).map((name) => ({ name, role: 'output' })),
        { name: r.changelogTopic, role: 'changelog' },
      ],
      rules: o.lint,
      logger: log,
    });

    const c = o.consumer ?? {};
    const consumer = client.consumer({
      groupId: o.groupId,
      isolationLevel: 'read_committed',
      fromBeginning: r.fromBeginning,
      maxBatchSize: Math.min(MAX_BATCH, r.maxRecords),
      ...(c.sessionTimeoutMs === undefined ? {} : { sessionTimeoutMs: c.sessionTimeoutMs }),
      ...(c.heartbeatIntervalMs === undefined ? {} : { heartbeatIntervalMs: c.heartbeatIntervalMs }),
      ...(c.maxPollIntervalMs === undefined ? {} : { maxPollIntervalMs: c.maxPollIntervalMs }),
    });
    this.consumer = consumer;
    const scopes = new ScopeSet(layout, client, consumer, {
      transactionTimeoutMs: r.transactionTimeoutMs,
      ...(o.producer?.lingerMs === undefined ? {} : { lingerMs: o.producer.lingerMs }),
      ...(o.producer?.batchSize === undefined ? {} : { batchSize: o.producer.batchSize }),
      ...(o.producer?.compression === undefined ? {} : { compression: o.producer.compression }),
    });
    this.scopes = scopes;
    this.runningAdmin = new AdminHandle(client);
    const rt = this.runtime(client, consumer, scopes);
    this.rt = rt;
    // A shared transactional producer fences this process's previous incarnation right here.
    await scopes.start();
    await consumer.connect();
    await consumer.subscribe(o.inputs);
    if (!this.life.is(P.starting)) return; // stop() came meanwhile
    this.life.to(P.running);
    await consumer.run({
      eachBatch: (batch) => handleBatch(rt, batch),
      onAssigned: (tps) => assignPartitions(rt, tps),
      onRevoked: (tps) => revokePartitions(rt, tps),
      onError: (err) => this.fail(err),
    });
    log.info?.(`processor ${o.groupId} running (${r.guarantee}, ${layout.kind === 'plain' ? 'no transactions' : `${layout.scheme} transactional ids`})`);
  }

  private layout(kind: KafkaClient['kind']): ScopeLayout {
    const o = this.options;
    if (this.resolved.guarantee === 'at-least-once') return { kind: 'plain' };
    const scheme = o.fencing ?? (kind === 'confluent' ? 'per-process' : 'per-partition');
    if (scheme === 'per-process' && kind === 'kafkajs') {
      throw new EoskitError('CONFIG_INVALID', 'processor option fencing "per-process" needs KIP-447 (group metadata in sendOffsets), which kafkajs lacks; use "per-partition"');
    }
    return { kind: 'transactional', scheme, prefix: o.transactionalIdPrefix, instanceId: o.instanceId ?? hostname() };
  }

  private async inputPartitions(admin: EosAdmin): Promise<number[]> {
    const counts: number[] = [];
    for (const topic of this.options.inputs) {
      let partitions = 0;
      try {
        const [d] = await admin.describeTopics([topic]);
        partitions = d?.partitions.length ?? 0;
      } catch (err) {
        throw new EoskitError('CONFIG_INVALID', `processor refused to start: input topic "${topic}" does not exist or cannot be described (${messageOf(err)})`, { cause: err });
      }
      if (partitions === 0) throw new EoskitError('CONFIG_INVALID', `processor refused to start: input topic "${topic}" does not exist`);
      counts.push(partitions);
    }
    return counts;
  }

  private runtime(client: KafkaClient, consumer: EosConsumer, scopes: ScopeSet): Runtime {
    const o = this.options;
    const r = this.resolved;
    const session = o.consumer?.sessionTimeoutMs ?? DEFAULTS.sessionTimeoutMs;
    const self = this;
    const rt: Runtime = {
      options: o,
      resolved: r,
      client,
      consumer,
      scopes,
      tasks: new Map(),
      cache: new Map(),
      strategy: r.dedup === 'sequence' ? dedupStrategy({ mode: 'sequence' }) : null,
      metrics: this.recorder,
      lock: this.lock,
      log: o.logger ?? {},
      restore: {
        client,
        admin: this.runningAdmin!,
        groupId: o.groupId,
        changelog: r.changelogTopic,
        fromBeginning: r.fromBeginning,
        readTimeoutMs: r.transactionTimeoutMs + 60_000,
      },
      abortSchedule: new AbortSchedule(r.abortRatio),
      fencedDelayMs: Math.min(10_000, Math.max(1000, Math.floor(session / 3))),
      fencings: 0,
      running: () => self.life.is(P.running),
      fail: (err) => self.fail(err),
      schedule: (delayMs, work) => self.schedule(delayMs, work),
      armCheckpointTimer: () => self.armCheckpointTimer(),
    };
    return rt;
  }

  private schedule(delayMs: number, work: () => Promise<void>): void {
    const timer = setTimeout(() => {
      this.timers.delete(timer);
      if (!this.life.is(P.running)) return;
      this.lock.run(work).catch((err: unknown) => this.fail(err));
    }, delayMs);
    this.timers.add(timer);
  }

  private armCheckpointTimer(): void {
    const rt = this.rt;
    if (this.checkpointTimer !== undefined || rt === undefined) return;
    const opened = rt.scopes.all().filter((s) => s.machine.is(C.open)).map((s) => s.openedAt);
    if (opened.length === 0) return;
    const delay = Math.max(0, Math.min(...opened) + this.resolved.intervalMs - Date.now());
    this.checkpointTimer = setTimeout(() => {
      this.checkpointTimer = undefined;
      if (!this.life.is(P.running)) return;
      this.lock
        .run(async () => {
          if (!this.life.is(P.running)) return;
          if (checkpointDue(rt)) await checkpointAll(rt);
          this.armCheckpointTimer();
        })
        .catch((err: unknown) => this.fail(err));
    }, delay);
  }

  stop(): Promise<void> {
    if (this.stopping !== undefined) return this.stopping;
    if (this.life.is(P.created)) {
      this.life.to(P.stopped);
      this.settle.resolve();
      return Promise.resolve();
    }
    if (this.life.is(P.stopped, P.failed)) return this.settled.catch(() => undefined);
    this.stopping = (async () => {
      if (this.life.is(P.starting)) {
        this.life.to(P.stopping);
        await this.starting?.catch(() => undefined);
      } else this.life.to(P.stopping);
      const rt = this.rt;
      if (rt !== undefined) {
        // Graceful stop: the open checkpoint commits (a failure aborts it; nothing is lost either way).
        await this.lock.run(async () => {
          await Promise.all(rt.scopes.all().map((s) => finishBeforeRevocation(rt, s)));
        });
      }
      await this.release(false);
      if (this.life.can(P.stopped)) {
        this.life.to(P.stopped);
        this.settle.resolve();
      }
    })();
    return this.stopping;
  }

  private fail(err: unknown): void {
    if (!this.life.can(P.failed) || this.life.is(P.created)) return;
    // Work still under way while stop() closes the clients fails with CLOSED: that is the stop, not a failure.
    if (this.life.is(P.stopping) && isEoskitError(err, 'CLOSED')) return;
    this.life.to(P.failed);
    this.options.logger?.error?.(`processor ${this.options.groupId} stopped: ${messageOf(err)}`);
    void this.release(true).finally(() => this.settle.reject(err));
  }

  /** Leaves the group and closes producers and clients; `abortOpen` first aborts open checkpoints. */
  private async release(abortOpen: boolean): Promise<void> {
    for (const t of this.timers) clearTimeout(t);
    this.timers.clear();
    if (this.checkpointTimer !== undefined) clearTimeout(this.checkpointTimer);
    this.checkpointTimer = undefined;
    const scopes = this.scopes;
    if (abortOpen && scopes !== undefined) {
      await this.lock.run(async () => {
        await Promise.all(scopes.all().map((s) => (s.machine.is(C.open, C.committing) ? s.abort().catch(() => false) : false)));
      });
    }
    const quietly = async (f: (() => Promise<void>) | undefined): Promise<void> => {
      await f?.().catch(() => undefined);
    };
    await quietly(this.consumer && (() => this.consumer!.disconnect()));
    await quietly(scopes && (() => scopes.close()));
    await quietly(this.admin && (() => this.admin!.disconnect()));
    await quietly(this.runningAdmin && (() => this.runningAdmin!.close()));
    if (this.ownClient) await quietly(this.client && (() => this.client!.close()));
  }

  done(): Promise<void> {
    return this.settled;
  }

  metrics(): ProcessorMetrics {
    let uncommitted = 0;
    let notReady = 0;
    const tasks = this.rt?.tasks.values() ?? [];
    let assigned = 0;
    for (const t of tasks) {
      assigned += 1;
      uncommitted += t.uncommitted;
      if (t.status !== 'active') notReady += 1;
    }
    return this.recorder.snapshot({ state: this.life.state, assigned, notReady, uncommitted });
  }
}
