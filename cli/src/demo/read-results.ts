import type { EosAdmin, KafkaClient } from '@eoskit/core';
import { readTopic, SequenceDedup } from '@eoskit/reader';
import type { DemoState } from './demo-state.js';
import type { PipelineId, PipelineResult } from './demo-types.js';
import type { Pipeline } from './pipeline.js';
import { tallyOutput } from './tally-output.js';

/** Options of {@link readResults}. */
export interface ReadResultsOptions {
  client: KafkaClient;
  pipelines: Pipeline[];
  records: number;
  state: DemoState;
}

/**
 * The final readers. Exactly-once: read_committed with the reader's
 * sequence dedup, as `@eoskit/reader` reads. At-least-once: read_uncommitted,
 * no dedup, as a plain consumer reads. Both read each output topic from its
 * start to its end.
 */
export async function readResults(o: ReadResultsOptions): Promise<Record<PipelineId, PipelineResult>> {
  const admin = o.client.admin();
  await admin.connect();
  try {
    return await read(o, admin);
  } finally {
    await admin.disconnect();
  }
}

async function read(o: ReadResultsOptions, admin: EosAdmin): Promise<Record<PipelineId, PipelineResult>> {
  const entries = await Promise.all(
    o.pipelines.map(async (p): Promise<[PipelineId, PipelineResult]> => {
      const eos = p.id === 'eos';
      const bounds = await admin.partitionOffsets(p.input);
      const records = await readTopic(o.client, p.output, { isolationLevel: eos ? 'read_committed' : 'read_uncommitted' });
      const tally = tallyOutput(records, { count: o.records, ...(eos ? { dedup: () => new SequenceDedup() } : {}) });
      const progress = o.state.pipelines[p.id];
      return [
        p.id,
        {
          pipeline: p.id,
          guarantee: eos ? 'exactly-once' : 'at-least-once',
          produced: progress.writerDone ? o.records : progress.written,
          inputRecords: bounds.reduce((n, b) => n + b.high - b.low, 0),
          ...tally,
          writerKills: progress.writerKills,
          processorKills: progress.processorKills,
          unplannedRestarts: p.unplannedRestarts,
          exact: tally.readUnique === o.records && tally.duplicates === 0 && tally.missing === 0 && tally.unexpected === 0,
        },
      ];
    }),
  );
  return Object.fromEntries(entries) as Record<PipelineId, PipelineResult>;
}
