import { EoskitError, isEoskitError } from '@eoskit/core';
import type { CheckpointScope } from './checkpoint-scope.js';
import { CheckpointState } from './checkpoint-state.js';
import { isFatal, isFencing, messageOf } from './failure-kind.js';
import type { PartitionTask } from './partition-task.js';
import { prepareTasks } from './prepare-tasks.js';
import type { Runtime } from './runtime.js';
import { describeOffsets, seekTask } from './seek-task.js';

const C = CheckpointState;
/** Fencings in a row (no commit between) after which a per-process id is taken to be shared by two live processes. */
const MAX_FENCINGS = 3;
const MAX_RETRY_DELAY_MS = 5000;

/** True when an open checkpoint reached its time or size bound. */
export function checkpointDue(rt: Runtime): boolean {
  const now = Date.now();
  let records = 0;
  for (const t of rt.tasks.values()) records += t.uncommitted;
  if (records >= rt.resolved.maxRecords) return true;
  return rt.scopes.all().some((s) => s.machine.is(C.open) && now - s.openedAt >= rt.resolved.intervalMs);
}

/** Takes a checkpoint of every scope with an open one (in parallel: per-partition scopes are independent). */
export async function checkpointAll(rt: Runtime, options: { final?: boolean } = {}): Promise<void> {
  const open = rt.scopes.all().filter((s) => s.machine.is(C.open));
  await Promise.all(open.map((s) => checkpointScope(rt, s, options)));
}

/**
 * Commits one scope's checkpoint: its outputs, the changelog records of its
 * partitions and their offsets, atomically. `abortRatio` aborts some on
 * purpose (never a final one). A failure aborts and rewinds (see {@link recover}).
 */
export async function checkpointScope(rt: Runtime, scope: CheckpointScope, options: { final?: boolean } = {}): Promise<void> {
  const tasks = activeTasksOf(rt, scope);
  if (options.final !== true && rt.abortSchedule.next()) {
    rt.log.debug?.(`aborting ${scope.id} on purpose`);
    await recover(rt, scope, null);
    return;
  }
  const offsets = tasks.filter((t) => t.hasWork).map((t) => t.offsetToCommit());
  const changelog = tasks.flatMap((t) => t.changelogRecords(rt.resolved.changelogTopic));
  try {
    await scope.commit(offsets, changelog);
    rt.log.debug?.(`committed ${scope.id}: ${describeOffsets(offsets)}`);
  } catch (err) {
    // Whether a failed commit landed is unknown until the id is initialised again.
    for (const t of tasks) t.knownCommitted = false;
    await recover(rt, scope, err);
    return;
  }
  let records = 0;
  for (const t of tasks) records += t.markCommitted();
  rt.metrics.add('checkpoints');
  rt.metrics.add('committedRecords', records);
  rt.metrics.lastCommitAt = Date.now();
  rt.fencings = 0;
}

/**
 * Ends a checkpoint that cannot or should not commit (`err` null: aborted on
 * purpose): aborts it and rewinds its partitions to the last committed
 * offsets and state (Kafka does not rewind the consumer by itself). When the
 * producer failed, its partitions wait until it is recreated and they are
 * reloaded from Kafka.
 */
export async function recover(rt: Runtime, scope: CheckpointScope, err: unknown): Promise<void> {
  if (err !== null && isFatal(err)) {
    await scope.abort().catch(() => false);
    rt.fail(err);
    return;
  }
  const wasOpen = scope.machine.is(C.open, C.committing);
  if (err !== null) rt.log.warn?.(`checkpoint of ${scope.id} failed, aborting and rewinding: ${messageOf(err)}`);
  const clean = await scope.abort();
  if (wasOpen) rt.metrics.add('aborted');
  const tasks = rt.scopes.tasksOf(scope, rt.tasks.values());
  if (clean) {
    for (const t of tasks.filter((x) => x.status === 'active')) rewind(rt, t);
    return;
  }
  for (const t of tasks) t.status = 'recovering';
  if (isFencing(err)) {
    if (isEoskitError(err, 'PRODUCER_FENCED')) rt.fencings += 1;
    if (!rt.scopes.perPartitionScopes && rt.fencings >= MAX_FENCINGS) {
      rt.fail(
        new EoskitError(
          'CONFIG_INVALID',
          `transactional id "${scope.id}" was fenced ${rt.fencings} times in a row: another live process uses it; give each process its own instanceId`,
          { cause: err },
        ),
      );
      return;
    }
    rt.schedule(rt.fencedDelayMs, () => reload(rt, scope, 1));
    return;
  }
  await reload(rt, scope, 0);
}

/**
 * Recreates a failed scope's producer (its init fences any other holder of
 * the id and completes or aborts the transaction left open), then reloads
 * its partitions from Kafka: committed offsets, and state from the changelog
 * unless the offset shows nothing changed since this process last committed.
 */
export async function reload(rt: Runtime, scope: CheckpointScope, attempt: number): Promise<void> {
  if (!rt.running() || scope.machine.is(C.closed)) return;
  const tasks = rt.scopes.tasksOf(scope, rt.tasks.values());
  try {
    rt.metrics.add('recoveries');
    rt.log.info?.(`recreating producer ${scope.id} (attempt ${attempt + 1})`);
    await scope.reset();
    rt.log.info?.(`producer ${scope.id} ready; reloading ${tasks.length} partition(s)`);
    await prepareTasks(rt, tasks);
    rt.log.info?.(`reloaded ${tasks.map((t) => `${t.tp.topic}[${t.tp.partition}]@${t.position}`).join(', ')}`);
  } catch (err) {
    if (isFatal(err)) {
      rt.fail(err);
      return;
    }
    for (const t of tasks) t.status = 'recovering';
    const delay = Math.min(MAX_RETRY_DELAY_MS, 250 * 2 ** attempt);
    rt.log.warn?.(`recreating producer ${scope.id} failed, retrying in ${delay} ms: ${messageOf(err)}`);
    if (!scope.machine.is(C.broken, C.closed)) scope.machine.to(C.broken);
    rt.schedule(delay, () => reload(rt, scope, attempt + 1));
  }
}

function rewind(rt: Runtime, task: PartitionTask): void {
  const from = task.position;
  task.rollback();
  seekTask(rt, task, `rewind from ${from}`);
}

function activeTasksOf(rt: Runtime, scope: CheckpointScope): PartitionTask[] {
  return rt.scopes.tasksOf(scope, rt.tasks.values()).filter((t) => t.status === 'active');
}
