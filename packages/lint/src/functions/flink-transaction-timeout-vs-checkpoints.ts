import { parseDurationMs, parseNumber } from '../engine/parse-number.js';
import { defineFunction, type FunctionFinding } from './function-types.js';
import { flinkJobs } from './flink-checkpointing.js';

/**
 * A transaction must outlive the checkpoints that may fail before it commits:
 * timeout >= (tolerable-failed-checkpoints + 1) * (interval + checkpoint timeout).
 * If the broker aborts it first, KafkaCommitter loses the data (inference from
 * the connector; documented as such on the rule page).
 */
export const flinkTransactionTimeoutVsCheckpoints = defineFunction<Record<string, never>>({
  name: 'flink-transaction-timeout-vs-checkpoints',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  run({ view, pipeline }): FunctionFinding[] {
    const job = view.flinkKinds.has('flink-job') && view.userEntry('execution.checkpointing.interval') ? view : flinkJobs(pipeline.views).find((j) => j.userEntry('execution.checkpointing.interval'));
    if (!job) return [];
    const interval = parseDurationMs(job.get('execution.checkpointing.interval'));
    const cpTimeout = parseDurationMs(job.get('execution.checkpointing.timeout'));
    const tolerable = parseNumber(job.get('execution.checkpointing.tolerable-failed-checkpoints')) ?? 0;
    const timeout = parseNumber(view.get('transaction.timeout.ms'));
    if (interval === null || cpTimeout === null || timeout === null) return [];
    const bound = (tolerable + 1) * (interval + cpTimeout);
    if (timeout >= bound) return [];
    return [
      {
        key: 'transaction.timeout.ms',
        data: { bound: String(bound), interval: String(interval), checkpointTimeout: String(cpTimeout), tolerable: String(tolerable) },
        related: job === view ? [] : [{ view: job, key: 'execution.checkpointing.interval', value: job.get('execution.checkpointing.interval') }],
        recommended: String(bound),
      },
    ];
  },
});
