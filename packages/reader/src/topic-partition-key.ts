import type { TopicPartition } from '@eoskit/core';

/** A stable map key for a topic-partition (`topic` may contain any legal character but NUL). */
export function topicPartitionKey(tp: TopicPartition): string {
  return `${tp.topic}\u0000${tp.partition}`;
}

/** Inverse of {@link topicPartitionKey}. */
export function parseTopicPartitionKey(key: string): TopicPartition {
  const at = key.lastIndexOf('\u0000');
  return { topic: key.slice(0, at), partition: Number(key.slice(at + 1)) };
}
