import { EoskitError } from '@eoskit/core';
import type { EosAdmin } from '@eoskit/core';

/**
 * Creates the compacted changelog topic when missing, with one partition per
 * input partition (state of input partition p lives in changelog partition p)
 * and the safest replication the cluster allows (RF 3, min ISR 2 from three
 * brokers). Refuses an existing changelog with too few partitions.
 */
export async function ensureChangelogTopic(admin: EosAdmin, name: string, partitions: number, brokerCount: number): Promise<void> {
  const rf = Math.max(1, Math.min(3, brokerCount));
  await admin.createTopics([
    {
      topic: name,
      numPartitions: partitions,
      replicationFactor: rf,
      configs: {
        'cleanup.policy': 'compact',
        'min.insync.replicas': String(rf >= 3 ? 2 : 1),
        // Roll segments so the cleaner can compact them; restores then read about one record per key.
        'segment.ms': '600000',
        'min.cleanable.dirty.ratio': '0.1',
      },
    },
  ]);
  const have = await partitionCount(admin, name);
  if (have < partitions) {
    throw new EoskitError(
      'CONFIG_INVALID',
      `changelog topic "${name}" has ${have} partition(s) but the inputs have up to ${partitions}: state of input partition p lives in changelog partition p (add partitions or choose another changelogTopic)`,
    );
  }
}

/** Partitions of a topic just created: brokers learn of a new topic at slightly different times, so "unknown" is retried briefly. */
async function partitionCount(admin: EosAdmin, name: string): Promise<number> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    try {
      const [described] = await admin.describeTopics([name]);
      const n = described?.partitions.length ?? 0;
      if (n > 0 || Date.now() > deadline) return n;
    } catch (err) {
      if (Date.now() > deadline || !/unknown topic/i.test((err as Error).message)) throw err;
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}
