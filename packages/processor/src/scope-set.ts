import type { EosConsumer, KafkaClient, ProducerOptions } from '@eoskit/core';
import type { CheckpointScope } from './checkpoint-scope.js';
import type { PartitionTask } from './partition-task.js';
import { PlainScope } from './plain-scope.js';
import { topicPartitionKey } from '@eoskit/reader';
import { TransactionalScope } from './transactional-scope.js';
import { partitionTransactionalId, processTransactionalId, type FencingScheme } from './transactional-ids.js';

/** How the processor's scopes are laid out. */
export type ScopeLayout =
  | { kind: 'plain' }
  | { kind: 'transactional'; scheme: FencingScheme; prefix: string; instanceId: string };

/**
 * The checkpoint scopes of a processor and which partitions each covers: one
 * shared scope (per-process transactional id, or at-least-once), or one scope
 * per input partition (per-partition transactional ids), made on assignment
 * and closed on revocation.
 */
export class ScopeSet {
  private shared: CheckpointScope | undefined;
  private readonly perPartition = new Map<string, CheckpointScope>();

  constructor(
    private readonly layout: ScopeLayout,
    private readonly client: KafkaClient,
    private readonly consumer: EosConsumer,
    private readonly producerOptions: Omit<ProducerOptions, 'transactionalId'>,
  ) {}

  get perPartitionScopes(): boolean {
    return this.layout.kind === 'transactional' && this.layout.scheme === 'per-partition';
  }

  /** Connects the shared scope (at start). Per-partition scopes connect on assignment. */
  async start(): Promise<void> {
    if (this.perPartitionScopes) return;
    const l = this.layout;
    this.shared =
      l.kind === 'plain'
        ? new PlainScope(this.client, this.consumer, this.producerOptions)
        : new TransactionalScope(processTransactionalId(l.prefix, l.instanceId), this.client, this.consumer, this.producerOptions);
    await this.shared.connect();
  }

  /**
   * Makes a fresh scope for each newly assigned partition and connects it, which
   * fences the partition's previous owner. Old scopes of these partitions are closed.
   */
  async assign(tasks: PartitionTask[]): Promise<void> {
    const l = this.layout;
    if (l.kind !== 'transactional' || l.scheme !== 'per-partition') return;
    await Promise.all(
      tasks.map(async (task) => {
        const key = topicPartitionKey(task.tp);
        await this.perPartition.get(key)?.close();
        const scope = new TransactionalScope(partitionTransactionalId(l.prefix, task.tp), this.client, this.consumer, this.producerOptions);
        this.perPartition.set(key, scope);
        await scope.connect();
      }),
    );
  }

  /** Closes the scopes of revoked partitions (per-partition layout). */
  async release(tasks: PartitionTask[]): Promise<void> {
    await Promise.all(
      tasks.map(async (task) => {
        const key = topicPartitionKey(task.tp);
        const scope = this.perPartition.get(key);
        this.perPartition.delete(key);
        await scope?.close();
      }),
    );
  }

  scopeOf(task: PartitionTask): CheckpointScope | undefined {
    return this.shared ?? this.perPartition.get(topicPartitionKey(task.tp));
  }

  /** The tasks a scope covers, among `tasks`. */
  tasksOf(scope: CheckpointScope, tasks: Iterable<PartitionTask>): PartitionTask[] {
    return [...tasks].filter((t) => this.scopeOf(t) === scope);
  }

  all(): CheckpointScope[] {
    return this.shared !== undefined ? [this.shared] : [...this.perPartition.values()];
  }

  async close(): Promise<void> {
    await Promise.all(this.all().map((s) => s.close()));
    this.perPartition.clear();
  }
}
