import type { KafkaClient } from '@eoskit/core';
import { checkWriterSequences } from './check-writer-sequences.js';
import { compareCopy } from './compare-copy.js';
import { readTopic } from './read-topic.js';
import type { VerifyReport } from './verify-report.js';

/**
 * Verifies that `output` is an exact copy of `input` (both read
 * read_committed up to their ends at the call): each (key, value) event
 * exactly once, order kept per key. See {@link compareCopy}.
 */
export async function verifyCopy(options: { client: KafkaClient; input: string; output: string }): Promise<VerifyReport> {
  const [input, output] = await Promise.all([readTopic(options.client, options.input), readTopic(options.client, options.output)]);
  return compareCopy(input, output);
}

/**
 * Verifies that `topic` holds sequences 0..count-1 of writer `writerId`
 * exactly once, in order per partition. With `dedup`, repeats the
 * `sequence`-dedup reader would drop are dropped first. See {@link checkWriterSequences}.
 */
export async function verifyWriter(options: {
  client: KafkaClient;
  topic: string;
  writerId: string;
  count: number;
  dedup?: boolean;
}): Promise<VerifyReport> {
  const records = await readTopic(options.client, options.topic);
  return checkWriterSequences(records, { writerId: options.writerId, count: options.count, dedup: options.dedup });
}
