import type { ParseProblem } from '../model.js';
import { lexSql, type SqlToken } from './sql-lexer.js';

/** One `'key' = 'value'` of a WITH clause or a SET statement. */
export interface SqlOption {
  key: string;
  value: string;
  keyToken: SqlToken;
  valueToken: SqlToken;
  /** SET statement only: the `;` ending it (or the value token when there is none). */
  statementEnd?: number;
}

/** A CREATE TABLE statement with its WITH options. */
export interface SqlTable {
  name: string;
  nameStart: number;
  options: SqlOption[];
  /** Offset just after `WITH (`, and of the closing `)`. */
  openParen: number;
  closeParen: number;
}

/** What a Flink SQL script holds for eos-lint. */
export interface SqlScript {
  tables: SqlTable[];
  sets: SqlOption[];
  comments: SqlToken[];
  /** Lower-cased table names the script writes (INSERT INTO/OVERWRITE) and reads (FROM/JOIN). */
  written: Set<string>;
  read: Set<string>;
  problems: { offset: number; message: string }[];
}

const is = (t: SqlToken | undefined, word: string): boolean => t?.type === 'word' && t.value.toUpperCase() === word;
const nameOf = (t: SqlToken | undefined): boolean => t?.type === 'word' || t?.type === 'ident';

/** Reads CREATE TABLE ... WITH (...), SET 'k' = 'v' (or SET k = v), INSERT INTO and FROM/JOIN from a script. */
export function readFlinkSql(text: string): SqlScript {
  const all = lexSql(text);
  const script: SqlScript = { tables: [], sets: [], comments: all.filter((t) => t.type === 'comment'), written: new Set(), read: new Set(), problems: [] };
  for (const t of all) if (t.unterminated) script.problems.push({ offset: t.start, message: `unterminated ${t.type === 'comment' ? 'comment' : t.type === 'string' ? 'string' : 'quoted identifier'}` });
  const tokens = all.filter((t) => t.type !== 'comment');
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (is(t, 'CREATE')) i = readCreate(tokens, i, script);
    else if (is(t, 'SET') && (i === 0 || tokens[i - 1]?.value === ';')) i = readSet(text, tokens, i, script);
    else if ((is(t, 'INTO') && is(tokens[i - 1], 'INSERT')) || (is(t, 'OVERWRITE') && is(tokens[i - 1], 'INSERT'))) {
      const [name] = qualifiedName(tokens, i + 1);
      if (name) script.written.add(name.toLowerCase());
    } else if (is(t, 'FROM') || is(t, 'JOIN')) {
      const [name] = qualifiedName(tokens, i + 1);
      if (name) script.read.add(name.toLowerCase());
    }
  }
  return script;
}

/** `a.b.c` from tokens at i: the last part (the table) and the index after it. */
function qualifiedName(tokens: SqlToken[], i: number): [string | undefined, number, number] {
  let name: string | undefined;
  let start = tokens[i]?.start ?? 0;
  while (nameOf(tokens[i])) {
    name = tokens[i]?.value;
    start = tokens[i]?.start ?? start;
    if (tokens[i + 1]?.value === '.' && nameOf(tokens[i + 2])) i += 2;
    else return [name, i + 1, start];
  }
  return [name, i, start];
}

function readCreate(tokens: SqlToken[], i: number, script: SqlScript): number {
  let j = i + 1;
  if (is(tokens[j], 'TEMPORARY')) j++;
  if (!is(tokens[j], 'TABLE')) return i;
  j++;
  if (is(tokens[j], 'IF') && is(tokens[j + 1], 'NOT') && is(tokens[j + 2], 'EXISTS')) j += 3;
  const [name, after, nameStart] = qualifiedName(tokens, j);
  if (name === undefined) return i;
  let depth = 0;
  for (j = after; j < tokens.length; j++) {
    const t = tokens[j] as SqlToken;
    if (t.value === ';' && t.type === 'punct' && depth === 0) return j;
    if (t.type === 'punct' && t.value === '(') depth++;
    else if (t.type === 'punct' && t.value === ')') depth = Math.max(0, depth - 1);
    else if (depth === 0 && is(t, 'WITH') && tokens[j + 1]?.value === '(') {
      const table: SqlTable = { name, nameStart, options: [], openParen: (tokens[j + 1] as SqlToken).end, closeParen: (tokens[j + 1] as SqlToken).end };
      j = readOptions(tokens, j + 2, table.options, script);
      table.closeParen = tokens[j]?.start ?? table.closeParen;
      script.tables.push(table);
      return j;
    }
  }
  return j;
}

function readOptions(tokens: SqlToken[], j: number, out: SqlOption[], script: SqlScript): number {
  while (j < tokens.length) {
    const k = tokens[j] as SqlToken;
    if (k.type === 'punct' && k.value === ')') return j;
    if (k.type === 'punct' && k.value === ',') {
      j++;
      continue;
    }
    const eq = tokens[j + 1];
    const v = tokens[j + 2];
    if (k.type === 'string' && eq?.value === '=' && v !== undefined && v.type === 'string') {
      out.push({ key: k.value, value: v.value, keyToken: k, valueToken: v });
      j += 3;
    } else {
      script.problems.push({ offset: k.start, message: "expected 'key' = 'value' in WITH (...)" });
      while (j < tokens.length && tokens[j]?.value !== ',' && tokens[j]?.value !== ')') j++;
    }
  }
  return j;
}

function readSet(text: string, tokens: SqlToken[], i: number, script: SqlScript): number {
  const k = tokens[i + 1];
  const eq = tokens[i + 2];
  const v = tokens[i + 3];
  let j = i + 1;
  while (j < tokens.length && tokens[j]?.value !== ';') j++;
  const statementEnd = tokens[j]?.end ?? tokens[j - 1]?.end ?? 0;
  if (k?.type === 'string' && eq?.value === '=' && v?.type === 'string') {
    script.sets.push({ key: k.value, value: v.value, keyToken: k, valueToken: v, statementEnd });
    return j;
  }
  // The older unquoted form: SET execution.checkpointing.interval = 10s;
  const e = tokens.slice(i + 1, j).findIndex((t) => t.type === 'punct' && t.value === '=');
  const first = tokens[i + 1];
  const eqTok = tokens[i + 1 + e];
  const end = tokens[j - 1];
  if (e > 0 && first !== undefined && eqTok !== undefined && end !== undefined && end !== eqTok) {
    const valueStart = tokens[i + 2 + e]?.start ?? eqTok.end;
    const keyToken: SqlToken = { type: 'word', value: text.slice(first.start, eqTok.start).trim(), start: first.start, end: first.start + text.slice(first.start, eqTok.start).trimEnd().length };
    const valueToken: SqlToken = { type: 'word', value: text.slice(valueStart, end.end).trim(), start: valueStart, end: end.end };
    script.sets.push({ key: keyToken.value, value: valueToken.value, keyToken, valueToken, statementEnd });
  }
  return j;
}

const KAFKA_CONNECTORS = new Set(['kafka', 'upsert-kafka']);

/** Unit id of a table (`<file>#<table>`) or of the script's SET statements (`<file>#SET`). */
export const sqlUnitId = (file: string, table: string | undefined): string => `${file}#${table ?? 'SET'}`;

/** Kafka tables of a script: their unit ids and options. */
export function kafkaTables(script: SqlScript): SqlTable[] {
  return script.tables.filter((t) => KAFKA_CONNECTORS.has((t.options.find((o) => o.key === 'connector')?.value ?? '').trim().toLowerCase()));
}

