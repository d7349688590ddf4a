import { duplicateKey } from './duplicate-key.js';
import { duplicateValue } from './duplicate-value.js';
import { flinkCheckpointing } from './flink-checkpointing.js';
import { flinkTransactionTimeoutVsCheckpoints } from './flink-transaction-timeout-vs-checkpoints.js';
import type { RuleFunction } from './function-types.js';
import { idempotenceConflict } from './idempotence-conflict.js';
import { invalidValue } from './invalid-value.js';
import { limitVsBroker } from './limit-vs-broker.js';
import { minIsrVsRf } from './min-isr-vs-rf.js';
import { replicationVsBrokerCount } from './replication-vs-broker-count.js';
import { streamsReplicationFactor } from './streams-replication-factor.js';
import { unknownKey } from './unknown-key.js';

/** Every function a rule may name in `then.function`. */
export const FUNCTIONS: ReadonlyMap<string, RuleFunction<never>> = new Map(
  [
    duplicateKey,
    duplicateValue,
    flinkCheckpointing,
    flinkTransactionTimeoutVsCheckpoints,
    idempotenceConflict,
    invalidValue,
    limitVsBroker,
    minIsrVsRf,
    replicationVsBrokerCount,
    streamsReplicationFactor,
    unknownKey,
  ].map((f) => [f.name, f as RuleFunction<never>]),
);
