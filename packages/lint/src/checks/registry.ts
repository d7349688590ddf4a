import { absent } from './absent.js';
import type { CheckDefinition } from './check-types.js';
import { compare } from './compare.js';
import { equals } from './equals.js';
import { inCheck } from './in.js';
import { notIn } from './not-in.js';
import { pattern } from './pattern.js';
import { present } from './present.js';
import { range } from './range.js';

/** Every check a rule may name in `then.check` or `applies-when.when`. */
export const CHECKS: ReadonlyMap<string, CheckDefinition<never>> = new Map(
  [absent, compare, equals, inCheck, notIn, pattern, present, range].map((c) => [c.name, c as CheckDefinition<never>]),
);
