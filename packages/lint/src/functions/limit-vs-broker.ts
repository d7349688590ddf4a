import { parseNumber } from '../engine/parse-number.js';
import { defineFunction, type FunctionFinding } from './function-types.js';

type Op = '<=' | '<' | '>=' | '>';

/**
 * Compares a client-side value with a broker-side limit, e.g.
 * `transaction.timeout.ms <= transaction.max.timeout.ms`. Uses the strictest
 * broker linted; with none, the stock broker default (an assumption).
 */
export const limitVsBroker = defineFunction<{ key: string; brokerKey: string; op: Op; unlimited?: string[] }>({
  name: 'limit-vs-broker',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['key', 'brokerKey', 'op'],
    properties: {
      key: { type: 'string', minLength: 1 },
      brokerKey: { type: 'string', minLength: 1 },
      op: { enum: ['<=', '<', '>=', '>'] },
      unlimited: { type: 'array', items: { type: 'string' }, description: 'client values meaning "no limit" (retention.ms=-1)' },
    },
  },
  run({ view, pipeline }, { key, brokerKey, op, unlimited = [] }): FunctionFinding[] {
    const client = view.effective(key);
    if (client.value !== null && unlimited.includes(client.value)) return [];
    const clientN = parseNumber(client.value);
    const broker = pipeline.brokerValue(brokerKey, op.startsWith('<') ? 'min' : 'max');
    const brokerN = parseNumber(broker.value);
    if (clientN === null || brokerN === null) return [];
    const ok = op === '<=' ? clientN <= brokerN : op === '<' ? clientN < brokerN : op === '>=' ? clientN >= brokerN : clientN > brokerN;
    if (ok) return [];
    return [
      {
        key,
        data: { brokerKey, brokerValue: String(broker.value) },
        related: [{ view: broker.from, key: brokerKey, value: broker.value, note: broker.from ? undefined : 'broker default (assumed)' }],
        assumption: [client.assumption, broker.assumption].filter(Boolean).join('; ') || undefined,
        fixValue: String(broker.value),
      },
    ];
  },
});
