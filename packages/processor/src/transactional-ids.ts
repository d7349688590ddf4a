import type { TopicPartition } from '@eoskit/core';

/**
 * How transactional ids fence zombies:
 * - `per-partition` (kafkajs, no KIP-447): one id per input partition,
 *   `<prefix>-<topic>-<partition>`. The partition's next owner initialises
 *   that id, which fences the previous owner and aborts its open transaction;
 *   only then does it read the committed offset and the state.
 * - `per-process` (confluent, KIP-447): one id per process,
 *   `<prefix>-<instanceId>`; offsets are committed with the consumer's group
 *   generation, so a member that lost a partition cannot commit it, and a
 *   restarted process fences its previous incarnation at once.
 */
export type FencingScheme = 'per-partition' | 'per-process';

/** The transactional id of one input partition under `per-partition` fencing: `<prefix>-<topic>-<partition>`. */
export function partitionTransactionalId(prefix: string, tp: TopicPartition): string {
  return `${prefix}-${tp.topic}-${tp.partition}`;
}

/** The transactional id of a process under `per-process` fencing: `<prefix>-<instanceId>`. */
export function processTransactionalId(prefix: string, instanceId: string): string {
  return `${prefix}-${instanceId}`;
}
