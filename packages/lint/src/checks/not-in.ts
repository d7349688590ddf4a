import { defineCheck } from './check-types.js';

/** Passes when the value is none of `values`. Unset passes. */
export const notIn = defineCheck<{ values: string[]; ignoreCase?: boolean }>({
  name: 'not-in',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['values'],
    properties: { values: { type: 'array', minItems: 1, items: { type: 'string' } }, ignoreCase: { type: 'boolean' } },
  },
  run({ value }, { values, ignoreCase }) {
    const norm = (s: string): string => (ignoreCase ? s.toLowerCase() : s);
    const pass = value === null || !values.some((v) => norm(v) === norm(value));
    return { pass, data: { forbidden: values.join(', ') } };
  },
});
