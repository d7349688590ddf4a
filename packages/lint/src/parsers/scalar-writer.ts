/** How a value should be typed when written: inferred (`auto`) or forced. */
export type WriteKind = 'auto' | 'string' | 'number' | 'boolean';

/** A value to write, as text plus the type it must have in the file. */
export interface WriteValue {
  text: string;
  kind: WriteKind;
}

const NUMBER = /^-?\d+(\.\d+)?$/;
const BOOLEAN = /^(true|false)$/;
/** Plain YAML scalars that read back as the same string in YAML 1.1 and 1.2. */
const YAML_PLAIN = /^[A-Za-z0-9_/][A-Za-z0-9_.\-/:,@+=]*$/;
const YAML_SPECIAL = /^(y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|true|True|TRUE|false|False|FALSE|null|Null|NULL|~|[-+]?(\.inf|\.nan|\d[\d_]*(\.\d*)?([eE][-+]?\d+)?|0x[0-9a-fA-F]+|0o[0-7]+|\d+(:[0-5]?\d)+))$/;

function resolvedKind(v: WriteValue): 'string' | 'number' | 'boolean' {
  if (v.kind === 'number') return NUMBER.test(v.text) ? 'number' : 'string';
  if (v.kind === 'boolean') return BOOLEAN.test(v.text) ? 'boolean' : 'string';
  if (v.kind === 'string') return 'string';
  return BOOLEAN.test(v.text) ? 'boolean' : NUMBER.test(v.text) ? 'number' : 'string';
}

/** A JSON literal for the value. */
export function jsonScalar(v: WriteValue): string {
  const kind = resolvedKind(v);
  return kind === 'string' ? JSON.stringify(v.text) : v.text;
}

/** A YAML scalar for the value; `quote` keeps the style of the value it replaces. */
export function yamlScalar(v: WriteValue, quote: '"' | "'" | null = null): string {
  const kind = resolvedKind(v);
  if (kind !== 'string') return v.text;
  if (quote === "'") return `'${v.text.replace(/'/g, "''")}'`;
  if (quote === null && YAML_PLAIN.test(v.text) && !YAML_SPECIAL.test(v.text)) return v.text;
  return JSON.stringify(v.text);
}

/** A YAML mapping key (plain when safe). */
export function yamlKey(key: string): string {
  return YAML_PLAIN.test(key) && !YAML_SPECIAL.test(key) ? key : JSON.stringify(key);
}
