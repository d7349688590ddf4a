import { defineCheck } from './check-types.js';

/** Passes when the value equals `value` (case-insensitively with `ignoreCase`). Unset fails. */
export const equals = defineCheck<{ value: string; ignoreCase?: boolean }>({
  name: 'equals',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['value'],
    properties: { value: { type: 'string' }, ignoreCase: { type: 'boolean' } },
  },
  run({ value }, { value: expected, ignoreCase }) {
    const same = value !== null && (ignoreCase ? value.toLowerCase() === expected.toLowerCase() : value === expected);
    return { pass: same, data: { expected } };
  },
});
