import { defineCheck } from './check-types.js';

/** Passes when the user set the key to a non-empty value. */
export const present = defineCheck<Record<string, never>>({
  name: 'present',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  run({ value, userSet }) {
    return { pass: userSet && value !== null && value.trim() !== '' };
  },
});
