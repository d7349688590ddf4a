import { defineCheck } from './check-types.js';

/** Passes when the user did not set the key (defaults do not count). */
export const absent = defineCheck<Record<string, never>>({
  name: 'absent',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  run({ userSet }) {
    return { pass: !userSet };
  },
});
