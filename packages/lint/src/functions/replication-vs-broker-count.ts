import { parseNumber } from '../engine/parse-number.js';
import { defineFunction, type FunctionFinding } from './function-types.js';

/**
 * A replication factor above the number of brokers cannot be met: internal
 * topics are never created (initTransactions times out) and topic creation
 * fails. Broker count comes from eos.yaml/the live cluster, else from the
 * broker configs linted (then an assumption).
 */
export const replicationVsBrokerCount = defineFunction<{ key: string }>({
  name: 'replication-vs-broker-count',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['key'],
    properties: { key: { type: 'string', minLength: 1 } },
  },
  run({ view, pipeline }, { key }): FunctionFinding[] {
    const rf = parseNumber(view.get(key));
    const brokers = pipeline.brokerCount();
    if (rf === null || rf < 1 || !brokers || rf <= brokers.count) return [];
    return [
      {
        key,
        data: { brokerCount: String(brokers.count), brokerSource: brokers.source },
        assumption: brokers.declared
          ? undefined
          : `assuming the cluster has ${brokers.count} broker${brokers.count === 1 ? '' : 's'} (${brokers.source}); declare brokers in eos.yaml to be sure`,
        fixValue: String(brokers.count),
      },
    ];
  },
});
