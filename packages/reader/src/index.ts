// The reader
export { createReader, DEFAULT_SNAPSHOT_TOPIC } from './create-reader.js';
export type {
  EachBatchHandlers,
  EachEventHandlers,
  FailurePolicy,
  HandlerContext,
  Reader,
  ReaderHandlers,
  ReaderLogger,
  ReaderOptions,
} from './reader-types.js';
export type { PartitionLag, ReaderMetrics } from './metrics/reader-metrics.js';

// Sinks
export { createSqliteSink } from './sinks/sqlite-sink.js';
export type { SqliteSinkOptions, SqliteTx } from './sinks/sqlite-sink.js';
export { createPostgresSink } from './sinks/postgres-sink.js';
export type { PostgresSinkOptions, PostgresTx } from './sinks/postgres-sink.js';
export type { Sink, SinkCommit, SinkPosition } from './sinks/sink.js';
export { SinkConflictError } from './sinks/sink-conflict-error.js';
export { createEventsTable, insertEvents } from './sinks/events-table.js';
export type { BuiltinSink } from './sinks/events-table.js';
export { sinkFromSpec } from './sinks/sink-spec.js';
export { redactUrl } from './sinks/redact-url.js';

// Dedup and state rebuild (reusable by the processor)
export { SequenceDedup } from './dedup/sequence-dedup.js';
export type { SequenceDedupOptions } from './dedup/sequence-dedup.js';
export { KeyDedup } from './dedup/key-dedup.js';
export type { KeyDedupOptions } from './dedup/key-dedup.js';
export { dedupStrategy } from './dedup/dedup-strategy.js';
export type { DedupOptions } from './dedup/dedup-strategy.js';
export type { DedupMode, DedupStrategy, DedupVerdict, Deduplicator } from './dedup/deduplicator.js';
export { rebuildDeduplicators, replay } from './restore/rebuild-deduplicators.js';
export type { RebuildTarget } from './restore/rebuild-deduplicators.js';
export { PartitionRegistry } from './partition-registry.js';
export type { PartitionLoader } from './partition-registry.js';
export { topicPartitionKey, parseTopicPartitionKey } from './topic-partition-key.js';

// Failure handling
export { retryWithBackoff } from './failure/retry-policy.js';
export type { RetryOptions, Sleep } from './failure/retry-policy.js';
export { deadLetterRecord, DEAD_LETTER_HEADERS } from './failure/dead-letter.js';

// Verification (eoskit verify; the processor's tests)
export { verifyCopy, verifyWriter } from './verify/verify-topics.js';
export { compareCopy } from './verify/compare-copy.js';
export type { CopyRecord } from './verify/compare-copy.js';
export { checkWriterSequences } from './verify/check-writer-sequences.js';
export type { WriterCheck } from './verify/check-writer-sequences.js';
export { readTopic } from './verify/read-topic.js';
export type { VerifyReport } from './verify/verify-report.js';
