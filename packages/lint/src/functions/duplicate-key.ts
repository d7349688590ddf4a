import { defineFunction, type FunctionFinding } from './function-types.js';

/** A key set twice: the last one wins, as in Kafka, and the earlier one misleads readers. */
export const duplicateKey = defineFunction<Record<string, never>>({
  name: 'duplicate-key',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  run({ view }): FunctionFinding[] {
    return view.unit.shadowed.map((entry) => {
      const winner = view.unit.entries.get(entry.key);
      return {
        key: entry.key,
        entry,
        data: { winnerLine: String(winner?.position.line ?? '?') },
      };
    });
  },
});
