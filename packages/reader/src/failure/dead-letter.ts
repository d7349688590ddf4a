import type { ConsumedRecord, OutgoingRecord } from '@eoskit/core';

/** Headers added to a dead-lettered record, next to its original ones. */
export const DEAD_LETTER_HEADERS = {
  topic: 'eoskit.dlq.topic',
  partition: 'eoskit.dlq.partition',
  offset: 'eoskit.dlq.offset',
  group: 'eoskit.dlq.group',
  error: 'eoskit.dlq.error',
} as const;

const MAX_ERROR_BYTES = 1000;

/**
 * The dead-letter copy of `record`: same key, value and headers, plus where
 * it came from and why it failed. The error text is cut to 1000 bytes; a
 * handler's error message should not carry secrets, but a stack trace is
 * never included.
 */
export function deadLetterRecord(record: ConsumedRecord, deadLetterTopic: string, groupId: string, error: unknown): OutgoingRecord {
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    topic: deadLetterTopic,
    key: record.key,
    value: record.value,
    timestamp: record.timestamp,
    headers: {
      ...record.headers,
      [DEAD_LETTER_HEADERS.topic]: Buffer.from(record.topic),
      [DEAD_LETTER_HEADERS.partition]: Buffer.from(String(record.partition)),
      [DEAD_LETTER_HEADERS.offset]: Buffer.from(String(record.offset)),
      [DEAD_LETTER_HEADERS.group]: Buffer.from(groupId),
      [DEAD_LETTER_HEADERS.error]: Buffer.from(message).subarray(0, MAX_ERROR_BYTES),
    },
  };
}
