import type { ConsumedBatch, OutgoingRecord } from '@eoskit/core';
import { topicPartitionKey } from '@eoskit/reader';
import { CheckpointState } from './checkpoint-state.js';
import { checkpointAll, checkpointDue, recover } from './checkpointer.js';
import { messageOf } from './failure-kind.js';
import { toOutgoing } from './outputs.js';
import type { Runtime } from './runtime.js';
import { describeTask, seekTask } from './seek-task.js';

const C = CheckpointState;
/** Output records waiting for the producer before processing pauses (bounds memory when the producer is the bottleneck). */
const MAX_BACKLOG = 10_000;

/**
 * Processes one partition batch into the open checkpoint of the partition's
 * scope: drops batches fetched before a rewind, records before the
 * partition's position (delivered again after a rewind) and repeats by
 * (writer, sequence), calls `process`, sends
 * the outputs without waiting, and takes the checkpoint when it is due.
 * Never throws: failures abort and rewind, or stop the processor.
 */
export async function handleBatch(rt: Runtime, batch: ConsumedBatch): Promise<void> {
  if (!rt.running()) return;
  await rt.lock.run(async () => {
    if (!rt.running()) return;
    if (batch.isStale()) {
      // Seeked while this waited for the lock (a reload, a rewind, a rebalance): the consumer reads it again.
      rt.metrics.add('staleBatches');
      rt.log.debug?.(`batch ${batch.topic}[${batch.partition}] ${batch.records[0]?.offset}..${batch.records.at(-1)?.offset} dropped: seeked since fetched`);
      return;
    }
    const task = rt.tasks.get(topicPartitionKey(batch));
    const first = batch.records[0];
    const last = batch.records.at(-1);
    if (task === undefined || first === undefined || last === undefined) return;
    // Even a batch not taken tells where the consumer reads: a later seek back must drop what it fetched before.
    task.delivered(last.offset);
    const range = `${describeTask(task)} ${first.offset}..${last.offset}`;
    if (task.status !== 'active') {
      rt.log.debug?.(`batch ${range} dropped: partition ${task.status}`);
      return;
    }
    // A batch not taken must be read again, not passed: seeking back also tells the consumer it was not handled.
    const readAgain = (why: string): void => seekTask(rt, task, why);
    const scope = rt.scopes.scopeOf(task);
    if (scope === undefined || !scope.machine.is(C.idle, C.open)) {
      readAgain('scope busy'); // or broken (a reload seeks too)
      return;
    }
    const fresh = batch.records.filter((r) => r.offset >= task.position);
    const stale = task.staleBecause(first.offset, fresh[0]?.offset);
    if (stale !== undefined) {
      rt.metrics.add('staleBatches');
      readAgain(`stale batch ${range}: ${stale}`);
      return;
    }
    rt.log.debug?.(`batch ${range} at position ${task.position}: ${fresh.length} new${gapOf(task.position, fresh[0]?.offset)}`);
    if (fresh.length === 0) return;
    try {
      await scope.open();
    } catch (err) {
      await recover(rt, scope, err);
      return;
    }
    const outputs: OutgoingRecord[] = [];
    let repeats = 0;
    for (const record of fresh) {
      task.consumed(record.offset);
      if (task.isDuplicate(record)) {
        rt.metrics.add('duplicatesDropped');
        repeats += 1;
        continue;
      }
      rt.metrics.add('consumed');
      try {
        outputs.push(...toOutgoing(await rt.options.process(record, task.context)));
      } catch (err) {
        // A record that cannot be processed would fail the same way again: stop, committing nothing of this checkpoint.
        rt.log.error?.(`process() failed on ${record.topic}[${record.partition}] offset ${record.offset}: ${messageOf(err)}`);
        await scope.abort().catch(() => false);
        rt.fail(err);
        return;
      }
    }
    if (repeats > 0) rt.log.debug?.(`dropped ${repeats} repeats in ${range}`);
    scope.send(outputs);
    rt.metrics.add('produced', outputs.length);
    if (checkpointDue(rt)) await checkpointAll(rt);
    else {
      rt.armCheckpointTimer();
      await scope.room(MAX_BACKLOG);
    }
  }).catch((err: unknown) => rt.fail(err));
}

/** `, gap a..b` when the first new record lies past the position (for the debug trace), else nothing. */
function gapOf(position: number, firstNew: number | undefined): string {
  return firstNew !== undefined && firstNew > position ? `, gap ${position}..${firstNew - 1}` : '';
}
