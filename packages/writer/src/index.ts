export { createWriter } from './eoskit-writer.js';
export { transactionalIdOf } from './writer-session.js';
export { DEFAULT_CHECKPOINT_TOPIC } from './checkpoint-store.js';
export { WriterState } from './writer-state.js';
export type {
  LastSequence,
  PartitionSequence,
  ProducerConfig,
  RecoveryEvent,
  WriteManyResult,
  WriteResult,
  Writer,
  WriterMode,
  WriterOptions,
  WriterRecord,
} from './writer-types.js';
export type { WriterCheckpoint, CheckpointPartition } from './checkpoint-codec.js';
