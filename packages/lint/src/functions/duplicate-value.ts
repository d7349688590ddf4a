import { defineFunction, type FunctionFinding } from './function-types.js';

/**
 * A value that must be unique across the pipeline (transactional.id,
 * application.id, Flink's transactional-id prefix): two units sharing it
 * fence each other or mix their transactions.
 */
export const duplicateValue = defineFunction<{ key: string }>({
  name: 'duplicate-value',
  optionsSchema: {
    type: 'object',
    additionalProperties: false,
    required: ['key'],
    properties: { key: { type: 'string', minLength: 1 } },
  },
  run({ view, pipeline, rule }, { key }): FunctionFinding[] {
    const mine = view.userEntry(key)?.value;
    if (mine === undefined || mine.trim() === '') return [];
    const others = pipeline.withUserValue(key, mine).filter((other) => other !== view && rule.scope.roles.includes(other.unit.role));
    if (others.length === 0) return [];
    return [
      {
        key,
        data: { others: others.map((o) => o.unit.id).join(', ') },
        related: others.map((o) => ({ view: o, key, value: mine })),
      },
    ];
  },
});
