import { topicPartitionKey } from '@eoskit/reader';
import type { TopicPartition } from '@eoskit/core';
import type { CheckpointScope } from './checkpoint-scope.js';
import { CheckpointState } from './checkpoint-state.js';
import { reload } from './checkpointer.js';
import { isFatal, messageOf } from './failure-kind.js';
import { PartitionTask } from './partition-task.js';
import { prepareTasks } from './prepare-tasks.js';
import type { Runtime } from './runtime.js';
import { describeOffsets, describeTask } from './seek-task.js';

const C = CheckpointState;

/**
 * Partitions assigned: fence their previous owner (per-partition ids: a new
 * producer initialises the partition's id), then load offsets and state.
 * Runs before any batch of these partitions is delivered.
 */
export function assignPartitions(rt: Runtime, tps: TopicPartition[]): Promise<void> {
  return rt.lock.run(async () => {
    rt.metrics.add('rebalances');
    if (!rt.running()) return;
    rt.log.info?.(`assigned ${tps.map((tp) => `${tp.topic}[${tp.partition}]`).join(', ') || 'nothing'}`);
    const tasks = tps.map((tp) => new PartitionTask(tp, rt.strategy));
    for (const t of tasks) rt.tasks.set(topicPartitionKey(t.tp), t);
    try {
      await rt.scopes.assign(tasks);
      // A broken shared scope reloads all of its partitions, these included, once it is recreated.
      const ready = tasks.filter((t) => !rt.scopes.scopeOf(t)?.machine.is(C.broken));
      await prepareTasks(rt, ready);
    } catch (err) {
      if (isFatal(err)) {
        rt.fail(err);
        return;
      }
      rt.log.warn?.(`preparing assigned partitions failed, retrying: ${messageOf(err)}`);
      for (const t of tasks) t.status = 'recovering';
      const scopes = new Set(tasks.map((t) => rt.scopes.scopeOf(t)).filter((s): s is CheckpointScope => s !== undefined));
      for (const scope of scopes) {
        if (!scope.machine.is(C.broken)) scope.machine.to(C.broken);
        rt.schedule(250, () => reload(rt, scope, 1));
      }
    }
  });
}

/**
 * Partitions revoked. The open checkpoint of their scopes is committed if it
 * still can be (confluent: before the rebalance completes, with the current
 * generation; kafkajs: after it, which is safe because a new owner fences the
 * partition's id before it reads the offset, so this commit either lands
 * before that or fails), else aborted. Committed state is kept in case the
 * partitions come back unchanged.
 */
export function revokePartitions(rt: Runtime, tps: TopicPartition[]): Promise<void> {
  return rt.lock.run(async () => {
    const tasks = tps.map((tp) => rt.tasks.get(topicPartitionKey(tp))).filter((t): t is PartitionTask => t !== undefined);
    rt.log.info?.(`revoked ${tps.map((tp) => `${tp.topic}[${tp.partition}]`).join(', ')}`);
    const scopes = new Set(tasks.map((t) => rt.scopes.scopeOf(t)).filter((s): s is CheckpointScope => s !== undefined));
    await Promise.all([...scopes].map((scope) => finishBeforeRevocation(rt, scope)));
    for (const t of tasks) {
      const key = topicPartitionKey(t.tp);
      const committed = t.status === 'active' ? t.committed() : null;
      if (committed !== null) rt.cache.set(key, committed);
      rt.tasks.delete(key);
    }
    await rt.scopes.release(tasks);
  });
}

/** Commits a scope's open checkpoint; on failure aborts it and leaves its remaining partitions to a reload. */
export async function finishBeforeRevocation(rt: Runtime, scope: CheckpointScope): Promise<void> {
  if (!scope.machine.is(C.open)) return;
  const tasks = rt.scopes.tasksOf(scope, rt.tasks.values()).filter((t) => t.status === 'active');
  const offsets = tasks.filter((t) => t.hasWork).map((t) => t.offsetToCommit());
  const changelog = tasks.flatMap((t) => t.changelogRecords(rt.resolved.changelogTopic));
  try {
    await scope.commit(offsets, changelog);
    rt.log.debug?.(`committed ${scope.id} before revocation: ${describeOffsets(offsets)}`);
    let records = 0;
    for (const t of tasks) records += t.markCommitted();
    rt.metrics.add('checkpoints');
    rt.metrics.add('committedRecords', records);
    rt.metrics.lastCommitAt = Date.now();
  } catch (err) {
    rt.log.warn?.(`final checkpoint of ${scope.id} failed, aborting: ${messageOf(err)}`);
    rt.metrics.add('aborted');
    const clean = await scope.abort().catch(() => false);
    for (const t of tasks) {
      rt.log.debug?.(`rolled back ${describeTask(t)} from ${t.position} to ${t.committedOffset} (${clean ? 'clean abort' : 'reload follows'})`);
      t.rollback();
      // The outcome of a failed commit is unknown: nothing of it may be reused.
      t.knownCommitted = false;
      if (clean) t.knownCommitted = true;
    }
    if (!clean && rt.running()) rt.schedule(0, () => reload(rt, scope, 0));
  }
}
