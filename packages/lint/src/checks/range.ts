import { parseMeasure } from '../engine/parse-number.js';
import { defineCheck } from './check-types.js';

interface RangeOptions {
  min?: number;
  max?: number;
  /** `duration` reads Flink durations (`10 s`) as ms. */
  unit?: 'number' | 'duration';
  /** Values that mean "unlimited/unset" and pass (e.g. -1). */
  allow?: string[];
}

/** Passes when min <= value <= max. Unset or non-numeric values pass (invalid-value reports those). */
export const range = defineCheck<RangeOptions>({
  name: 'range',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    minProperties: 1,
    properties: {
      min: { type: 'number' },
      max: { type: 'number' },
      unit: { enum: ['number', 'duration'] },
      allow: { type: 'array', items: { type: 'string' } },
    },
  },
  run({ value }, { min, max, unit, allow }) {
    const data: Record<string, string> = {};
    if (min !== undefined) data.min = String(min);
    if (max !== undefined) data.max = String(max);
    if (value === null || allow?.includes(value)) return { pass: true, data };
    const n = parseMeasure(value, unit);
    if (n === null) return { pass: true, data };
    const pass = (min === undefined || n >= min) && (max === undefined || n <= max);
    return { pass, data };
  },
});
