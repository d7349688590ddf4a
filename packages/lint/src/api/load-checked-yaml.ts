import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { EoskitError } from '@eoskit/core';
import { parseDocument } from 'yaml';

const SCHEMAS = new URL('../../../../schemas/', import.meta.url);

/**
 * Reads a YAML/JSON file of eos-lint's own (config file, manifest) and
 * validates it against schemas/<schema>.schema.json. ajv is loaded only here,
 * so runs without such files do not pay for it. Throws CONFIG_INVALID with
 * `file:line: message` or `file: /path: message`.
 */
export async function loadCheckedYaml<T>(file: string, display: string, schema: string): Promise<T> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new EoskitError('CONFIG_INVALID', `${display}: cannot read (${(err as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const doc = parseDocument(text);
  const first = doc.errors[0];
  if (first) throw new EoskitError('CONFIG_INVALID', `${display}:${first.linePos?.[0]?.line ?? 1}: ${first.message.split('\n')[0]}`);
  const data: unknown = doc.toJS() ?? {};
  const { Ajv } = await import('ajv');
  const ajv = new Ajv({ allErrors: true, strict: true });
  const validate = ajv.compile(JSON.parse(readFileSync(fileURLToPath(new URL(`${schema}.schema.json`, SCHEMAS)), 'utf8')) as object);
  if (!validate(data)) {
    const e = validate.errors?.[0];
    const extra = e?.params && 'additionalProperty' in e.params ? ` (${String(e.params.additionalProperty)})` : '';
    const allowed = e?.params && 'allowedValues' in e.params ? ` (${(e.params.allowedValues as unknown[]).join(', ')})` : '';
    throw new EoskitError('CONFIG_INVALID', `${display}: ${e?.instancePath || '/'}: ${e?.message ?? 'is invalid'}${extra}${allowed}`);
  }
  return data as T;
}
