import { defineCheck } from './check-types.js';

/** Passes when the value matches `regex` (or does not, with `negate`). Unset passes. */
export const pattern = defineCheck<{ regex: string; flags?: string; negate?: boolean }>({
  name: 'pattern',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['regex'],
    properties: { regex: { type: 'string', minLength: 1 }, flags: { type: 'string', pattern: '^[imsu]*$' }, negate: { type: 'boolean' } },
  },
  run({ value }, { regex, flags, negate }) {
    if (value === null) return { pass: true };
    const matches = new RegExp(regex, flags).test(value);
    return { pass: negate ? !matches : matches };
  },
});
