import type { Edit, ParsedFile } from '../model.js';
import { kafkaTables, readFlinkSql, type SqlOption, sqlUnitId } from './flink-sql-reader.js';
import { afterLineBreak, lineStartOf, newlineOf, splice } from './text-splice.js';

const quote = (s: string): string => `'${s.replace(/'/g, "''")}'`;

/** Applies edits to WITH options and SET statements, changing only the option text involved. */
export function applySqlEdits(parsed: ParsedFile, edits: Edit[]): string {
  const ids = new Set(parsed.units.map((u) => u.id));
  let text = parsed.text;
  for (const edit of edits) {
    if (!ids.has(edit.unitId)) throw new RangeError(`no unit "${edit.unitId}" in ${parsed.file}`);
    const script = readFlinkSql(text);
    const table = kafkaTables(script).find((t) => sqlUnitId(parsed.file, t.name) === edit.unitId);
    const options: SqlOption[] = table?.options ?? script.sets;
    const ofKey = (key: string): SqlOption[] => options.filter((o) => o.key === key);
    if (edit.kind === 'set') {
      const last = ofKey(edit.key).at(-1);
      if (last !== undefined) {
        text = splice(text, last.valueToken.start, last.valueToken.end, quote(edit.value));
      } else if (table !== undefined) {
        text = insertOption(text, options.at(-1), table.openParen, `${quote(edit.key)} = ${quote(edit.value)}`);
      } else {
        const after = script.sets.at(-1)?.statementEnd ?? text.length;
        text = splice(text, after, after, `${newlineOf(text)}SET ${quote(edit.key)} = ${quote(edit.value)};`);
      }
    } else if (edit.kind === 'remove') {
      for (const o of ofKey(edit.key).reverse()) text = table === undefined ? removeSet(text, o) : removeOption(text, o);
    } else {
      for (const o of ofKey(edit.from).reverse()) text = splice(text, o.keyToken.start, o.keyToken.end, o.keyToken.type === 'string' ? quote(edit.to) : edit.to);
    }
  }
  return text;
}

/** Adds an option after the last one, on its own line when the options are on separate lines. */
function insertOption(text: string, last: SqlOption | undefined, openParen: number, option: string): string {
  if (last === undefined) return splice(text, openParen, openParen, option);
  const lineStart = lineStartOf(text, last.keyToken.start);
  const before = text.slice(lineStart, last.keyToken.start);
  const ownLine = before.trim() === '' || before.trim() === ',';
  const indent = /^[ \t]*/.exec(before)?.[0] ?? '';
  const leadingComma = before.trim() === ',';
  if (ownLine) {
    return splice(text, last.valueToken.end, last.valueToken.end, leadingComma ? `${newlineOf(text)}${indent}, ${option}` : `,${newlineOf(text)}${indent}${option}`);
  }
  return splice(text, last.valueToken.end, last.valueToken.end, `, ${option}`);
}

function removeOption(text: string, o: SqlOption): string {
  let end = o.valueToken.end;
  while (/[ \t]/.test(text[end] ?? '')) end++;
  const ownLine = text.slice(lineStartOf(text, o.keyToken.start), o.keyToken.start).trim() === '';
  if (text[end] === ',') {
    end++;
    while (/[ \t]/.test(text[end] ?? '')) end++;
    if (ownLine && /[\r\n]/.test(text[end] ?? '\n')) return splice(text, lineStartOf(text, o.keyToken.start), afterLineBreak(text, end), '');
    return splice(text, o.keyToken.start, end, '');
  }
  let start = o.keyToken.start;
  while (start > 0 && /\s/.test(text[start - 1] as string)) start--;
  if (text[start - 1] === ',') start--;
  return splice(text, start, o.valueToken.end, '');
}

function removeSet(text: string, o: SqlOption): string {
  const start = lineStartOf(text, o.keyToken.start);
  const end = o.statementEnd ?? o.valueToken.end;
  const rest = text.slice(end, afterLineBreak(text, end));
  return splice(text, start, rest.trim() === '' ? afterLineBreak(text, end) : end, '');
}
