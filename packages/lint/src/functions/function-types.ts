import type { CataloguePort } from '../engine/catalogue-port.js';
import type { Pipeline } from '../engine/pipeline.js';
import type { UnitView } from '../engine/unit-view.js';
import type { ConfigEntry } from '../model.js';
import type { RuleDefinition } from '../rule/rule-types.js';

/** A value elsewhere that a function's finding depends on. */
export interface RelatedRef {
  view?: UnitView;
  key: string;
  value: string | null;
  /** How the value was obtained when not written (default, assumed). */
  note?: string;
}

/** What a function reports; the engine turns it into a Finding. */
export interface FunctionFinding {
  /** Key the finding is about (placed at the user's entry when set). */
  key?: string;
  /** The exact entry to point at (a shadowed duplicate, an unknown key); defaults to the user's entry for `key`. */
  entry?: ConfigEntry;
  /** Picks `messages[messageId]` instead of `message`. */
  messageId?: string;
  data?: Record<string, string>;
  related?: RelatedRef[];
  /** Caps the severity at warning and is appended to the message. */
  assumption?: string;
  /** Overrides the rule's recommended value. */
  recommended?: string;
  /** Overrides the rule's fix value for `set` fixes. */
  fixValue?: string;
}

/** What a function sees. */
export interface FunctionContext {
  view: UnitView;
  pipeline: Pipeline;
  rule: RuleDefinition;
  catalogue: CataloguePort;
}

/** A rule function for checks that need code (cross-file comparisons). */
export interface RuleFunction<O = Record<string, unknown>> {
  readonly name: string;
  /** JSON Schema of `then.options`; validated when rules load. */
  readonly optionsSchema: Record<string, unknown>;
  run(context: FunctionContext, options: O): FunctionFinding[];
}

/** Declares a rule function with typed options. */
export function defineFunction<O>(fn: RuleFunction<O>): RuleFunction<O> {
  return fn;
}
