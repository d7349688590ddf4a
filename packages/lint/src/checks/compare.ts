import { parseMeasure } from '../engine/parse-number.js';
import { defineCheck } from './check-types.js';

type Op = '<' | '<=' | '>' | '>=' | '==' | '!=';

interface CompareOptions {
  /** The other key of the same unit. */
  other: string;
  op: Op;
  /** Keys whose values are added to `other` (delivery.timeout.ms >= linger.ms + request.timeout.ms). */
  plus?: string[];
  unit?: 'number' | 'duration';
}

const OPS: Record<Op, (a: number, b: number) => boolean> = {
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
  '==': (a, b) => a === b,
  '!=': (a, b) => a !== b,
};

/** Compares the value with another key of the same unit (plus optional addends). Unknown numbers pass. */
export const compare = defineCheck<CompareOptions>({
  name: 'compare',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['other', 'op'],
    properties: {
      other: { type: 'string', minLength: 1 },
      op: { enum: ['<', '<=', '>', '>=', '==', '!='] },
      plus: { type: 'array', items: { type: 'string', minLength: 1 } },
      unit: { enum: ['number', 'duration'] },
    },
  },
  run({ value, get }, { other, op, plus = [], unit }) {
    const a = parseMeasure(value, unit);
    let b = parseMeasure(get(other), unit);
    const parts = [`${other}=${get(other) ?? 'unset'}`];
    for (const key of plus) {
      const n = parseMeasure(get(key), unit);
      parts.push(`${key}=${get(key) ?? 'unset'}`);
      b = b === null || n === null ? null : b + n;
    }
    const data = { other, otherValue: get(other) ?? 'unset', bound: b === null ? 'unknown' : String(b), terms: parts.join(' + ') };
    if (a === null || b === null) return { pass: true, data };
    return { pass: OPS[op](a, b), data };
  },
});
