import { distance } from './levenshtein.js';
import type { KeySpec } from '../model.js';

const INTEGER = /^[+-]?\d+$/;
const DOUBLE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const RANGES: Record<string, [bigint, bigint]> = {
  short: [-(2n ** 15n), 2n ** 15n - 1n],
  int: [-(2n ** 31n), 2n ** 31n - 1n],
  long: [-(2n ** 63n), 2n ** 63n - 1n],
};

/** The value as shown in a message: quoted, shortened, never for passwords. */
function show(spec: KeySpec, value: string): string {
  if (spec.type === 'password') return 'the value';
  return JSON.stringify(value.length > 60 ? value.slice(0, 57) + '...' : value);
}

function closest(value: string, options: string[]): string | undefined {
  let best: string | undefined;
  let d = 3;
  for (const o of options) {
    const x = distance(value.toLowerCase(), o.toLowerCase());
    if (x < d) [best, d] = [o, x];
  }
  return best;
}

function notOneOf(spec: KeySpec, value: string, options: string[]): string {
  const hint = closest(value, options);
  return `${show(spec, value)} is not a valid value; expected one of ${options.join(', ')}${hint ? ` (did you mean "${hint}"?)` : ''}`;
}

/**
 * Checks a (normalized) value against a key's spec the way Kafka's ConfigDef
 * parses and validates it: surrounding whitespace ignored, booleans
 * `true`/`false` in any case, integers within their type and Range, enums
 * (case-sensitive unless the spec says otherwise), list items. Returns the
 * problem as text, or undefined when the value is acceptable.
 */
export function checkValue(spec: KeySpec, value: string): string | undefined {
  const v = value.trim();
  if (spec.symbols?.some((s) => s.toLowerCase() === v.toLowerCase())) return undefined;
  switch (spec.type) {
    case 'boolean':
      return /^(true|false)$/i.test(v) ? undefined : `${show(spec, value)} is not a boolean; expected true or false`;
    case 'short':
    case 'int':
    case 'long':
      return checkInteger(spec, value, v);
    case 'double':
      if (!DOUBLE.test(v)) return v === '' ? 'empty value; expected a number' : `${show(spec, value)} is not a number`;
      return checkRange(spec, Number(v), value);
    case 'list': {
      if (!spec.validItems || v === '') return undefined;
      const bad = v.split(/\s*,\s*/).find((item) => !spec.validItems?.includes(item));
      return bad === undefined ? undefined : notOneOf(spec, bad, spec.validItems);
    }
    default:
      if (spec.validValues && spec.validValues.length > 0) {
        const ok = spec.caseInsensitive
          ? spec.validValues.some((x) => x.toLowerCase() === v.toLowerCase())
          : spec.validValues.includes(v);
        if (!ok) return v === '' ? `empty value; expected one of ${spec.validValues.join(', ')}` : notOneOf(spec, v, spec.validValues);
      }
      return undefined;
  }
}

function checkInteger(spec: KeySpec, raw: string, v: string): string | undefined {
  if (v === '') return spec.unit === 'ms' ? 'empty value; expected a duration' : 'empty value; expected an integer';
  if (!INTEGER.test(v)) {
    if (spec.validValues?.includes(v)) return undefined;
    return spec.unit === 'ms'
      ? `${show(spec, raw)} is not a duration; expected e.g. 10000, 10 s, 1 min or PT10S`
      : `${show(spec, raw)} is not an integer`;
  }
  const n = BigInt(v);
  const [lo, hi] = RANGES[spec.type] ?? RANGES['long'] as [bigint, bigint];
  if (n < lo || n > hi) return `${show(spec, raw)} is out of range for a ${spec.type} (${lo}..${hi})`;
  if (spec.validValues && spec.validValues.length > 0 && !spec.validValues.includes(String(n))) {
    return notOneOf(spec, v, spec.validValues);
  }
  return checkRange(spec, Number(n), raw);
}

function checkRange(spec: KeySpec, n: number, raw: string): string | undefined {
  if (spec.min !== undefined && n < spec.min) return `${show(spec, raw)} is below the minimum ${spec.min}`;
  if (spec.max !== undefined && n > spec.max) return `${show(spec, raw)} is above the maximum ${spec.max}`;
  return undefined;
}
