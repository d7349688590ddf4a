import { defineFunction, type FunctionFinding } from './function-types.js';

/** Values the key's type or allowed values reject (`acks=al`, an empty integer): the client refuses to start. */
export const invalidValue = defineFunction<Record<string, never>>({
  name: 'invalid-value',
  optionsSchema: { type: 'object', additionalProperties: false, properties: {} },
  run({ view, catalogue }): FunctionFinding[] {
    const { role, dialect } = view.unit;
    const findings: FunctionFinding[] = [];
    for (const entry of view.unit.entries.values()) {
      const spec = catalogue.keySpec(role, dialect, entry.key, view.kafkaVersion);
      if (!spec) continue;
      const problem = catalogue.checkValue(spec, entry.value);
      if (problem === null) continue;
      findings.push({ key: entry.key, entry, data: { problem } });
    }
    return findings;
  },
});
