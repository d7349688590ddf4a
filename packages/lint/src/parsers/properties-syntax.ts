import { parseLines } from 'dot-properties';

/** One `key=value` of a .properties file, with string offsets into the text. */
export interface PropertiesPair {
  /** Key after unescaping (`a\ b` -> `a b`). */
  key: string;
  /** Logical value: escapes resolved, line continuations joined. */
  value: string;
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

/** One comment line (`#` or `!`), without its marker. */
export interface PropertiesComment {
  text: string;
  start: number;
  end: number;
}

/** The tokens of a .properties file. */
export interface PropertiesSyntax {
  pairs: PropertiesPair[];
  comments: PropertiesComment[];
  /** Offsets of `\uXXXX` escapes that are malformed (Java refuses the file). */
  badEscapes: number[];
}

/**
 * Tokenizes a .properties file with dot-properties (Java's rules: `=`, `:` or
 * whitespace separators, `\` line continuations, `\uXXXX` escapes, `#`/`!`
 * comments), keeping offsets so edits can replace exactly the written text.
 */
export function tokenizeProperties(text: string): PropertiesSyntax {
  const src = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  const pairs: PropertiesPair[] = [];
  const comments: PropertiesComment[] = [];
  const badEscapes: number[] = [];
  for (const node of parseLines(src, true)) {
    if (node.type === 'PAIR') {
      const pair = node as unknown as { key: string; value: string; range: [number, number, number, number] };
      const [keyStart, keyEnd, valueStart, valueEnd] = pair.range;
      pairs.push({ key: pair.key, value: pair.value, keyStart, keyEnd, valueStart, valueEnd });
      findBadEscapes(src, keyStart, valueEnd, badEscapes);
    } else if (node.type === 'COMMENT') {
      const [start, end] = node.range as [number, number];
      comments.push({ text: src.slice(start + 1, end), start, end });
    }
  }
  return { pairs, comments, badEscapes };
}

function findBadEscapes(src: string, from: number, to: number, out: number[]): void {
  for (let i = src.indexOf('\\', from); i !== -1 && i < to; i = src.indexOf('\\', i + 2)) {
    if (src[i + 1] === 'u' && !/^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) out.push(i);
  }
}

/** Escapes a key for writing: separators, comment markers and control characters. */
export function escapePropertiesKey(key: string): string {
  return escapeCommon(key).replace(/^[#!]|[ =:]/g, '\\$&');
}

/** Escapes a value for writing: backslashes, a leading space, control and non-Latin-1 characters. */
export function escapePropertiesValue(value: string): string {
  return escapeCommon(value).replace(/^ /, '\\ ');
}

function escapeCommon(s: string): string {
  return s
    .replace(/\\/g, '\\\\')
    .replace(/\f/g, '\\f')
    .replace(/\n/g, '\\n')
    .replace(/\r/g, '\\r')
    .replace(/\t/g, '\\t')
    .replace(/[^\n\f\r\t -~\xa1-\xff]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
}
