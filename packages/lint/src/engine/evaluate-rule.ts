import { CHECKS } from '../checks/registry.js';
import { FUNCTIONS } from '../functions/registry.js';
import type { FunctionFinding, RelatedRef } from '../functions/function-types.js';
import type { ConfigEntry } from '../model.js';
import type { RuleDefinition } from '../rule/rule-types.js';
import type { CataloguePort } from './catalogue-port.js';
import { eosState } from './eos-context.js';
import { satisfiesRange } from './kafka-version.js';
import type { Pipeline } from './pipeline.js';
import type { EffectiveValue, UnitView } from './unit-view.js';

/** A violation before it is rendered into a Finding. */
export interface RawFinding {
  rule: RuleDefinition;
  view: UnitView;
  key?: string;
  entry?: ConfigEntry;
  effective?: EffectiveValue;
  data: Record<string, string>;
  messageId?: string;
  related: RelatedRef[];
  assumption?: string;
  recommended?: string;
  fixValue?: string;
}

/** Evaluates one rule on one unit. Scope, versions, EOS use and `when` decide whether it applies. */
export function evaluateRule(rule: RuleDefinition, view: UnitView, pipeline: Pipeline, catalogue: CataloguePort): RawFinding[] {
  const applies = ruleApplies(rule, view, pipeline);
  if (!applies.applies) return [];
  const { eosAssumption } = applies;
  const found = rule.then?.function
    ? runFunction(rule, view, pipeline, catalogue)
    : runThenCheck(rule, view);
  if (eosAssumption) for (const f of found) f.assumption = f.assumption ? `${f.assumption}; ${eosAssumption}` : eosAssumption;
  return found;
}

/**
 * Whether a rule applies to a unit (scope, versions, EOS use, `when`), and
 * what was assumed about EOS use. Also used to describe the pipeline.
 */
export function ruleApplies(rule: RuleDefinition, view: UnitView, pipeline: Pipeline): { applies: boolean; eosAssumption?: string } {
  if (rule.builtin || !rule.then) return { applies: false };
  const { unit } = view;
  if (!rule.scope.roles.includes(unit.role)) return { applies: false };
  if (rule.scope.dialects && !rule.scope.dialects.includes(unit.dialect)) return { applies: false };
  const when = rule['applies-when'] ?? {};
  if (when.kafka && !satisfiesRange(view.kafkaVersion, when.kafka)) return { applies: false };
  if (when.unit && !view.flinkKinds.has(when.unit)) return { applies: false };
  let eosAssumption: string | undefined;
  if (when.eos) {
    const state = eosState(view, pipeline);
    if (state.inUse === 'no') return { applies: false };
    if (state.inUse === 'unknown') eosAssumption = state.assumption;
  }
  for (const condition of when.when ?? []) {
    if (!runCheck(condition.check, view, condition.key, condition.options).pass) return { applies: false };
  }
  return { applies: true, eosAssumption };
}

function runCheck(name: string, view: UnitView, key: string, options: Record<string, unknown> = {}) {
  const check = CHECKS.get(name);
  if (!check) throw new Error(`unknown check ${name}`); // the loader refuses such rules
  const effective = view.effective(key);
  const result = check.run({ value: effective.value, userSet: effective.source === 'user', get: view.get }, options as never);
  return { ...result, effective };
}

function runThenCheck(rule: RuleDefinition, view: UnitView): RawFinding[] {
  const then = rule.then ?? {};
  const keys = rule.given?.keys ?? (rule.given?.key ? [rule.given.key] : []);
  const found: RawFinding[] = [];
  for (const key of keys) {
    const result = runCheck(then.check as string, view, key, then.options);
    if (result.pass) continue;
    found.push({
      rule,
      view,
      key,
      entry: result.effective.entry,
      effective: result.effective,
      data: result.data ?? {},
      related: result.effective.from ? [{ view: result.effective.from, key: result.effective.key, value: result.effective.value }] : [],
      assumption: result.effective.assumption,
    });
  }
  return found;
}

function runFunction(rule: RuleDefinition, view: UnitView, pipeline: Pipeline, catalogue: CataloguePort): RawFinding[] {
  const fn = FUNCTIONS.get(rule.then?.function as string);
  if (!fn) throw new Error(`unknown function ${rule.then?.function}`);
  const results: FunctionFinding[] = fn.run({ view, pipeline, rule, catalogue }, (rule.then?.options ?? {}) as never);
  return results.map((r) => {
    const effective = r.key ? view.effective(r.key) : undefined;
    return {
      rule,
      view,
      key: r.key,
      entry: r.entry ?? effective?.entry,
      effective,
      data: r.data ?? {},
      messageId: r.messageId,
      related: r.related ?? [],
      assumption: r.assumption,
      recommended: r.recommended,
      fixValue: r.fixValue,
    };
  });
}
