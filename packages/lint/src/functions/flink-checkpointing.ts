import type { UnitView } from '../engine/unit-view.js';
import { defineFunction, type FunctionFinding } from './function-types.js';

const INTERVAL = 'execution.checkpointing.interval';

/** Flink job configs of the pipeline that set checkpointing, or all job configs when none does. */
export function flinkJobs(views: UnitView[]): UnitView[] {
  return views.filter((v) => v.unit.role === 'flink' && v.flinkKinds.has('flink-job'));
}

/**
 * Exactly-once Flink sinks commit only when a checkpoint completes; without
 * `execution.checkpointing.interval` nothing is ever committed. Checked on the
 * job config, or on the sink when the job config was not linted (assumption).
 */
export const flinkCheckpointing = defineFunction<Record<string, never>>({
  name: 'flink-checkpointing',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  run({ view, pipeline }): FunctionFinding[] {
    if (!view.flinkKinds.has('flink-job') && !view.flinkKinds.has('flink-sink')) return [];
    if (view.userEntry(INTERVAL)) return [];
    if (view.flinkKinds.has('flink-job')) return [{ key: INTERVAL }];
    const jobs = flinkJobs(pipeline.views);
    if (jobs.some((j) => j.userEntry(INTERVAL))) return [];
    if (jobs.length > 0) {
      return [{ key: INTERVAL, related: jobs.map((j) => ({ view: j, key: INTERVAL, value: null, note: 'not set' })) }];
    }
    return [
      {
        key: INTERVAL,
        assumption: `no Flink job config was linted with this sink; assuming ${INTERVAL} is unset there (checkpointing off)`,
      },
    ];
  },
});
