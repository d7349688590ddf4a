import type { TopicPartitionOffset } from '@eoskit/core';
import type { PartitionTask } from './partition-task.js';
import type { Runtime } from './runtime.js';

/** Where the consumer must read a partition from next, and why (the reason goes to the debug log). */
export function seekTask(rt: Runtime, task: PartitionTask, why: string): void {
  rt.log.debug?.(`seek ${describeTask(task)} to ${task.position} (${why})`);
  rt.consumer.seek({ ...task.tp, offset: task.position });
}

/** `topic[partition]` of a task, for log lines. */
export function describeTask(task: PartitionTask): string {
  return `${task.tp.topic}[${task.tp.partition}]`;
}

/** `topic[partition]@offset, ...` of committed offsets, for log lines. */
export function describeOffsets(offsets: TopicPartitionOffset[]): string {
  return offsets.map((o) => `${o.topic}[${o.partition}]@${o.offset}`).join(', ') || 'no offsets';
}
