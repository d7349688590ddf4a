import { parseNumber } from '../engine/parse-number.js';
import type { RelatedRef } from './function-types.js';
import { defineFunction, type FunctionFinding } from './function-types.js';

/**
 * min.insync.replicas must stay below the replication factor: equal means one
 * broker outage blocks acks=all writes (and transactions); above means the
 * partition is never writable (before KIP-966).
 */
export const minIsrVsRf = defineFunction<{ minIsrKey: string; rfKey: string }>({
  name: 'min-isr-vs-rf',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['minIsrKey', 'rfKey'],
    properties: { minIsrKey: { type: 'string', minLength: 1 }, rfKey: { type: 'string', minLength: 1 } },
  },
  run({ view }, { minIsrKey, rfKey }): FunctionFinding[] {
    const minIsr = view.effective(minIsrKey);
    const rf = view.effective(rfKey);
    const m = parseNumber(minIsr.value);
    const r = parseNumber(rf.value);
    if (m === null || r === null || m < r || (m === r && r < 2)) return [];
    const related: RelatedRef[] = [{ view: rf.from ?? view, key: rfKey, value: rf.value }];
    const key = minIsr.source === 'user' || rf.source !== 'user' ? minIsrKey : rfKey;
    return [
      {
        key,
        messageId: m > r ? 'unwritable' : undefined,
        data: { minIsrKey, minIsr: String(m), rfKey, rf: String(r), suggested: String(Math.max(1, r - 1)) },
        related,
        assumption: minIsr.assumption ?? rf.assumption,
        fixValue: String(Math.max(1, r - 1)),
      },
    ];
  },
});
