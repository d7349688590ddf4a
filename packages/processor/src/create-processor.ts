import { KafkaProcessor } from './kafka-processor.js';
import type { Processor, ProcessorOptions } from './processor-types.js';
import { validateOptions } from './validate-options.js';

/**
 * Creates a consume -> process -> produce loop whose checkpoints are Kafka
 * transactions holding the outputs, the consumed offsets and the state
 * changes (exactly-once), or plain produce-then-commit (at-least-once).
 * Options are checked here (`CONFIG_INVALID` naming the option); the cluster
 * checks run in `start()`. See the package README for the protocol.
 */
export function createProcessor(options: ProcessorOptions): Processor {
  const resolved = validateOptions(options);
  return new KafkaProcessor(options, resolved);
}
