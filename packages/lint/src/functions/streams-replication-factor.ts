import { parseNumber } from '../engine/parse-number.js';
import { defineFunction, type FunctionFinding } from './function-types.js';

/**
 * Kafka Streams' replication.factor (-1 = the broker's
 * default.replication.factor since 3.0) must reach `min` for its changelog
 * and repartition topics: below 3 "effectively voids EOS".
 */
export const streamsReplicationFactor = defineFunction<{ min: number }>({
  name: 'streams-replication-factor',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['min'],
    properties: { min: { type: 'integer', minimum: 1 } },
  },
  run({ view, pipeline }, { min }): FunctionFinding[] {
    const own = view.effective('replication.factor');
    if (own.value === '-1') {
      const broker = pipeline.brokerValue('default.replication.factor', 'min');
      const n = parseNumber(broker.value);
      if (n === null || n >= min) return [];
      return [
        {
          key: 'replication.factor',
          messageId: 'brokerDefault',
          data: { resolved: String(n), min: String(min) },
          related: [{ view: broker.from, key: 'default.replication.factor', value: broker.value }],
          assumption: broker.assumption,
        },
      ];
    }
    const n = parseNumber(own.value);
    if (n === null || n >= min) return [];
    return [{ key: 'replication.factor', data: { resolved: String(n), min: String(min) } }];
  },
});
