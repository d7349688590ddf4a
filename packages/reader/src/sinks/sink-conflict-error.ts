import { EoskitError } from '@eoskit/core';
import type { TopicPartition } from '@eoskit/core';

/**
 * A sink refused a commit because a partition's stored offset was not the
 * one this reader expected: another reader moved it. Nothing was committed.
 * The reader reloads the stored position and seeks there.
 */
export class SinkConflictError extends EoskitError {
  readonly partitions: TopicPartition[];

  constructor(groupId: string, partitions: TopicPartition[]) {
    const list = partitions.map((p) => `${p.topic}[${p.partition}]`).join(', ');
    super('SINK_CONFLICT', `group ${groupId}: another reader moved the stored offset of ${list}; nothing committed`, {
      retriable: true,
    });
    this.partitions = partitions;
  }
}
