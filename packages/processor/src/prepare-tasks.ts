import { topicPartitionKey } from '@eoskit/reader';
import type { CommittedPartition, PartitionTask } from './partition-task.js';
import { restoreState, resumeOffsets } from './restore-partitions.js';
import type { Runtime } from './runtime.js';
import { seekTask } from './seek-task.js';

/**
 * Makes tasks ready to process: reads where each resumes (after its producer
 * was fenced, see transactional-ids.ts), takes the state this process already
 * knows when the committed offset shows nobody committed since (every commit
 * that changes a partition's state also moves its offset), restores the rest
 * from the changelog, and seeks the consumer there.
 */
export async function prepareTasks(rt: Runtime, tasks: PartitionTask[]): Promise<void> {
  if (tasks.length === 0) return;
  for (const t of tasks) t.status = 'preparing';
  const starts = await resumeOffsets(rt.restore, tasks.map((t) => t.tp));
  const known = new Map<string, CommittedPartition>();
  const restore: PartitionTask[] = [];
  for (const t of tasks) {
    const key = topicPartitionKey(t.tp);
    const mine = t.committed() ?? rt.cache.get(key);
    if (mine !== undefined && mine !== null && mine.offset === starts.get(key)) known.set(key, mine);
    else restore.push(t);
  }
  const restored = await restoreState(rt.restore, restore.map((t) => t.tp));
  rt.metrics.add('restores', restore.length);
  for (const t of tasks) {
    const key = topicPartitionKey(t.tp);
    const offset = starts.get(key) ?? 0;
    const saved = known.get(key) ?? { offset, ...(restored.get(key) ?? { state: new Map<string, string>(), dedup: null }) };
    t.activate({ ...saved, offset });
    rt.cache.delete(key);
    seekTask(rt, t, known.has(key) ? 'start, state known' : 'start, state restored');
  }
}
