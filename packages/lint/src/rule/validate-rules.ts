import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import type { Ajv, ErrorObject, ValidateFunction } from 'ajv';
import { parseDocument } from 'yaml';
import { CHECKS } from '../checks/registry.js';
import { FUNCTIONS } from '../functions/registry.js';
import type { RuleDefinition, RuleLoadError } from './rule-types.js';

/** A rule file's name and text. */
export interface RuleSource {
  file: string;
  text: string;
}

/** Rules that passed validation plus every problem found. */
export interface RuleLoadResult {
  rules: RuleDefinition[];
  errors: RuleLoadError[];
}

const SCHEMA_PATH = fileURLToPath(new URL('../../../../schemas/rule.schema.json', import.meta.url));

let ajv: Ajv | undefined;
let validateRule: ValidateFunction | undefined;
const optionValidators = new Map<string, ValidateFunction>();

/** ajv is loaded on first use only: the CLI runs on the compiled bundle and never needs it. */
function compiler(): Ajv {
  if (!ajv) {
    const { Ajv: AjvClass } = createRequire(import.meta.url)('ajv') as typeof import('ajv');
    ajv = new AjvClass({ allErrors: true, strict: true });
  }
  return ajv;
}

function ruleValidator(): ValidateFunction {
  validateRule ??= compiler().compile(JSON.parse(readFileSync(SCHEMA_PATH, 'utf8')) as object);
  return validateRule;
}

function optionsValidator(kind: 'check' | 'function', name: string, schema: Record<string, unknown>): ValidateFunction {
  const id = `${kind}:${name}`;
  let v = optionValidators.get(id);
  if (!v) {
    v = compiler().compile(schema);
    optionValidators.set(id, v);
  }
  return v;
}

function schemaErrors(file: string, errors: ErrorObject[] | null | undefined, base = '', code: RuleLoadError['code'] = 'RULE_SCHEMA'): RuleLoadError[] {
  return (errors ?? []).map((e) => ({
    code,
    file,
    path: base + e.instancePath || '/',
    message: `${e.message ?? 'is invalid'}${e.params && 'additionalProperty' in e.params ? `: ${String(e.params.additionalProperty)}` : ''}${e.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : ''}`,
  }));
}

/**
 * Validates rule files: YAML syntax, schemas/rule.schema.json, id = file name,
 * known checks/functions and their options. Never throws for a bad rule.
 */
export function validateRules(sources: RuleSource[]): RuleLoadResult {
  const rules: RuleDefinition[] = [];
  const errors: RuleLoadError[] = [];
  const seen = new Map<string, string>();
  for (const { file, text } of sources) {
    const doc = parseDocument(text);
    if (doc.errors.length > 0) {
      for (const e of doc.errors) errors.push({ code: 'RULE_YAML', file, path: '/', message: `line ${e.linePos?.[0]?.line ?? '?'}: ${e.message.split('\n')[0]}` });
      continue;
    }
    const data: unknown = doc.toJS();
    const validate = ruleValidator();
    if (!validate(data)) {
      errors.push(...schemaErrors(file, validate.errors));
      continue;
    }
    const rule = data as RuleDefinition;
    const own = problemsOf(file, rule);
    const base = file.replace(/^.*[\\/]/, '').replace(/\.ya?ml$/, '');
    if (base !== rule.id) own.push({ code: 'RULE_ID_MISMATCH', file, path: '/id', message: `id "${rule.id}" must match the file name "${base}"` });
    const earlier = seen.get(rule.id);
    if (earlier) own.push({ code: 'RULE_DUPLICATE_ID', file, path: '/id', message: `id "${rule.id}" is also used by ${earlier}` });
    seen.set(rule.id, file);
    if (own.length > 0) errors.push(...own);
    else rules.push(rule);
  }
  rules.sort((a, b) => a.id.localeCompare(b.id));
  return { rules, errors };
}

function problemsOf(file: string, rule: RuleDefinition): RuleLoadError[] {
  const out: RuleLoadError[] = [];
  const checkOptions = (path: string, name: string, options: Record<string, unknown> | undefined): void => {
    const check = CHECKS.get(name);
    if (!check) {
      out.push({ code: 'RULE_UNKNOWN_CHECK', file, path, message: `unknown check "${name}" (known: ${[...CHECKS.keys()].join(', ')})` });
      return;
    }
    const v = optionsValidator('check', name, check.optionsSchema);
    if (!v(options ?? {})) out.push(...schemaErrors(file, v.errors, `${path.replace(/\/check$/, '')}/options`, 'RULE_OPTIONS'));
  };
  rule['applies-when']?.when?.forEach((c, i) => checkOptions(`/applies-when/when/${i}/check`, c.check, c.options));
  if (rule.then?.check) checkOptions('/then/check', rule.then.check, rule.then.options);
  if (rule.then?.function) {
    const fn = FUNCTIONS.get(rule.then.function);
    if (!fn) {
      out.push({ code: 'RULE_UNKNOWN_FUNCTION', file, path: '/then/function', message: `unknown function "${rule.then.function}" (known: ${[...FUNCTIONS.keys()].join(', ')})` });
    } else {
      const v = optionsValidator('function', fn.name, fn.optionsSchema);
      if (!v(rule.then.options ?? {})) out.push(...schemaErrors(file, v.errors, '/then/options', 'RULE_OPTIONS'));
    }
  }
  return out;
}
