export { createProcessor } from './create-processor.js';
export type {
  CheckpointOptions,
  Guarantee,
  KeyedState,
  ProcessContext,
  ProcessFunction,
  Processor,
  ProcessorEvent,
  ProcessorLogger,
  ProcessorOptions,
  ProcessorOutput,
  StateValue,
} from './processor-types.js';
export type { ProcessorMetrics } from './processor-metrics.js';
export { ProcessorState, PROCESSOR_TRANSITIONS } from './processor-state.js';
export type { ProcessorStateName } from './processor-state.js';
export { CheckpointState, CHECKPOINT_TRANSITIONS } from './checkpoint-state.js';
export type { CheckpointStateName } from './checkpoint-state.js';
export type { FencingScheme } from './transactional-ids.js';
export { partitionTransactionalId, processTransactionalId } from './transactional-ids.js';
