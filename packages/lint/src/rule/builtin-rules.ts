import { RULE_BUNDLE } from '../generated/rule-bundle.js';
import type { RuleDefinition } from './rule-types.js';

/**
 * The rules shipped with eos-lint, compiled from rules/*.yaml at build time
 * (`npm run gen:rules -w packages/lint`), so the CLI neither parses YAML nor
 * compiles schemas at start. A test keeps the bundle in step with the YAML.
 */
export function builtinRules(): readonly RuleDefinition[] {
  return RULE_BUNDLE;
}

/** A shipped rule by id or alias. */
export function findRule(idOrAlias: string): RuleDefinition | undefined {
  return RULE_BUNDLE.find(
    (r) => r.id === idOrAlias || r.alias === idOrAlias || (Array.isArray(r.alias) && r.alias.includes(idOrAlias)),
  );
}
