import { ruleAliases, type RuleDefinition, type Severity } from '../rule/rule-types.js';

/** A rule switched off or given another severity (config file). */
export type RuleSetting = Severity | 'off';

/** Rule id or alias -> setting. */
export type RuleSettings = Readonly<Record<string, RuleSetting>>;

/** The severity a rule runs at, or `off`. Settings by id win over settings by alias. */
export function effectiveSeverity(rule: RuleDefinition, settings: RuleSettings | undefined): RuleSetting {
  if (!settings) return rule.severity;
  const byId = settings[rule.id];
  if (byId) return byId;
  for (const alias of ruleAliases(rule)) {
    const byAlias = settings[alias];
    if (byAlias) return byAlias;
  }
  return rule.severity;
}
