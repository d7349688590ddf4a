import { defineFunction, type FunctionFinding } from './function-types.js';

/**
 * Keys the catalogue of the unit's role, dialect and Kafka version does not
 * know: a typo silently leaves the default in force (`enable.idempotance`).
 */
export const unknownKey = defineFunction<Record<string, never>>({
  name: 'unknown-key',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  run({ view, catalogue }): FunctionFinding[] {
    const { role, dialect } = view.unit;
    if (!catalogue.covers(role, dialect)) return [];
    const findings: FunctionFinding[] = [];
    for (const entry of view.unit.entries.values()) {
      if (catalogue.isKnownKey(role, dialect, entry.key, view.kafkaVersion)) continue;
      const suggestion = catalogue.suggestKey(role, dialect, entry.key, view.kafkaVersion);
      findings.push({
        key: entry.key,
        entry,
        messageId: suggestion ? 'didYouMean' : undefined,
        data: { suggestion: suggestion ?? '' },
        fixValue: suggestion,
      });
    }
    return findings;
  },
});
