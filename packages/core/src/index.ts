export { EoskitError, isEoskitError } from './errors.js';
export type { ErrorCode, EoskitErrorOptions } from './errors.js';
export type * from './client/types.js';
export { withDeadline } from './client/with-deadline.js';
export { clientChoiceProblem, openClientChoice } from './client/client-choice.js';
/**
 * Creates a Kafka client backed by kafkajs or `@confluentinc/kafka-javascript`
 * (see ./client/create-client.ts). Loaded on first call so that importing
 * `@eoskit/core` for its errors (eos-lint's CLI) does not load kafkajs.
 */
export async function createClient(options: import('./client/types.js').ClientOptions): Promise<import('./client/types.js').KafkaClient> {
  const { createClient: create } = await import('./client/create-client.js');
  return create(options);
}
export {
  HEADER_FORMAT_VERSION,
  MAX_SEQUENCE,
  MAX_WRITER_ID_BYTES,
  SEQUENCE_HEADER,
  VERSION_HEADER,
  WRITER_HEADER,
  decodeSequence,
  decodeWriterHeaders,
  decodeWriterId,
  encodeSequence,
  encodeWriterHeaders,
  encodeWriterId,
  sequenceProblem,
  writerIdProblem,
} from './headers/writer-headers.js';
export type { WriterStamp } from './headers/writer-headers.js';
