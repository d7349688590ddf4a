import { EoskitError } from '../errors.js';
import type { ClientKind, TopicDescription } from './types.js';
import { sleep } from './with-deadline.js';

/**
 * Waits until every partition of `topics` has a leader, asking `describe` again every 100 ms. CreateTopics
 * returns once the controller accepted; until the metadata reaches the broker asked, it answers
 * UNKNOWN_TOPIC_OR_PARTITION or lists no leader. librdkafka has no wait at all, and kafkajs' own gives up on
 * the first of those answers (the kafkajs adapter falls back to this one then). Fails with a retriable
 * `TIMEOUT` after `timeoutMs`, naming the last error.
 */
export async function waitForLeaders(
  describe: (topics: string[]) => Promise<TopicDescription[]>,
  topics: string[],
  timeoutMs: number,
  kind: ClientKind,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: EoskitError | undefined;
  while (Date.now() < deadline) {
    try {
      const described = await describe(topics);
      if (described.length === topics.length && described.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
    } catch (err) {
      lastError = err as EoskitError;
    }
    await sleep(100);
  }
  const why = lastError?.message ?? 'some partitions have no leader';
  throw new EoskitError('TIMEOUT', `${kind}: topics ${topics.join(', ')} were created, but not every partition had a leader after ${timeoutMs} ms: ${why}`, {
    retriable: true,
    cause: lastError,
  });
}
