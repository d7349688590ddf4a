/** What a check sees: the effective value of the rule's key in one unit. */
export interface CheckInput {
  /** Effective value: the user's value, else the default in play; null when unset without default. */
  value: string | null;
  /** True when the user set the key (as opposed to a default). */
  userSet: boolean;
  /** Effective value of another key of the same unit. */
  get(key: string): string | null;
}

/** Outcome of a check: `pass` false means the rule is violated; `data` feeds the message. */
export interface CheckResult {
  pass: boolean;
  data?: Record<string, string>;
}

/** A small reusable assertion named by rules in `then.check` and `applies-when.when`. */
export interface CheckDefinition<O = Record<string, unknown>> {
  readonly name: string;
  /** JSON Schema of `options`; checked when the rule loads, so bad options never reach `run`. */
  readonly optionsSchema: Record<string, unknown>;
  run(input: CheckInput, options: O): CheckResult;
}

/** Declares a check with typed options (Spectral's createRulesetFunction idea). */
export function defineCheck<O>(check: CheckDefinition<O>): CheckDefinition<O> {
  return check;
}
