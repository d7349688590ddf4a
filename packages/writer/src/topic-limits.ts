import type { EosAdmin } from '@eoskit/core';

/** Kafka's default max.message.bytes (topic) / message.max.bytes (broker). */
const KAFKA_DEFAULT_MAX_MESSAGE_BYTES = 1_048_588;
/** Room for the record batch header and framing the writer's byte count does not see. */
const BATCH_MARGIN = 16 * 1024;

/**
 * Size limits from the topics' `max.message.bytes`: a record batch (all
 * records of one partition in one request) must fit, so a send never holds
 * more bytes than the smallest limit; a single record must fit on its own.
 */
export async function topicLimits(
  admin: EosAdmin,
  topics: string[],
): Promise<{ maxRecordBytes: number; maxBatchBytes: number }> {
  let smallest = Number.POSITIVE_INFINITY;
  for (const topic of topics) {
    const configs = await admin.describeConfigs({ type: 'topic', name: topic });
    const value = Number(configs['max.message.bytes'] ?? KAFKA_DEFAULT_MAX_MESSAGE_BYTES);
    smallest = Math.min(smallest, Number.isFinite(value) && value > 0 ? value : KAFKA_DEFAULT_MAX_MESSAGE_BYTES);
  }
  const maxBatchBytes = Math.max(1024, smallest - BATCH_MARGIN);
  return { maxRecordBytes: maxBatchBytes, maxBatchBytes };
}
