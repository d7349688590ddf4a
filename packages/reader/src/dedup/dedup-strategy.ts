import type { ConsumedRecord } from '@eoskit/core';
import type { DedupMode, DedupStrategy, Deduplicator } from './deduplicator.js';
import { KeyDedup } from './key-dedup.js';
import type { KeyDedupOptions } from './key-dedup.js';
import { SequenceDedup } from './sequence-dedup.js';
import type { SequenceDedupOptions } from './sequence-dedup.js';

/** Dedup settings of a reader. */
export interface DedupOptions {
  mode: DedupMode;
  sequence?: SequenceDedupOptions;
  key?: KeyDedupOptions;
}

const passThrough: Deduplicator = {
  check: (_record: ConsumedRecord) => 'new',
  snapshot: () => null,
};

/** The strategy of one dedup mode (see {@link DedupStrategy}). */
export function dedupStrategy(options: DedupOptions): DedupStrategy {
  switch (options.mode) {
    case 'sequence': {
      const opts = options.sequence ?? {};
      new SequenceDedup(opts); // validates the options up front
      return {
        mode: 'sequence',
        create: () => new SequenceDedup(opts),
        fromSnapshot: (text) => SequenceDedup.fromSnapshot(text, opts),
        rebuild: { kind: 'snapshot' },
      };
    }
    case 'key': {
      const opts = options.key ?? {};
      const windowCount = new KeyDedup(opts).windowCount;
      return {
        mode: 'key',
        create: () => new KeyDedup(opts),
        fromSnapshot: () => null,
        rebuild: { kind: 'tail', records: windowCount },
      };
    }
    case 'off':
      return { mode: 'off', create: () => passThrough, fromSnapshot: () => passThrough, rebuild: { kind: 'none' } };
  }
}
