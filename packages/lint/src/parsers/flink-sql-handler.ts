import type { ConfigUnit, FormatHandler, ParsedFile, ParseOptions } from '../model.js';
import { collectSuppressions } from './collect-suppressions.js';
import { addEntry, createUnit, makeEntry } from './config-unit.js';
import { flinkValue } from './flink-conf-handler.js';
import { kafkaTables, readFlinkSql, type SqlOption, type SqlScript, sqlUnitId } from './flink-sql-reader.js';
import { LineIndex } from './line-index.js';
import { binaryProblem } from './read-input.js';
import { applySqlEdits } from './flink-sql-edits.js';

function tableKind(script: SqlScript, name: string, options: SqlOption[]): NonNullable<ConfigUnit['tableKind']> {
  const n = name.toLowerCase();
  const w = script.written.has(n);
  const r = script.read.has(n);
  if (w || r) return w && r ? 'both' : w ? 'sink' : 'source';
  const sink = options.some((o) => o.key.startsWith('sink.'));
  const scan = options.some((o) => o.key.startsWith('scan.'));
  return sink && scan ? 'both' : sink ? 'sink' : scan ? 'source' : 'unknown';
}

/**
 * Flink SQL scripts: each `CREATE TABLE ... WITH ('connector' = 'kafka' |
 * 'upsert-kafka', ...)` is a flink unit named after its table, marked source
 * or sink from INSERT INTO / FROM in the script, else from its `sink.*` /
 * `scan.*` options; `SET 'key' = 'value'` statements form one more unit
 * (`<file>#SET`). Other connectors are ignored.
 */
export const flinkSqlHandler: FormatHandler = {
  format: 'flink-sql',
  detect: (file, text) => /\.sql$/i.test(file) || (/\bCREATE\s+(TEMPORARY\s+)?TABLE\b/i.test(text.slice(0, 65536)) && /\bWITH\s*\(/i.test(text.slice(0, 65536))),
  parse(file: string, text: string, options?: ParseOptions): ParsedFile {
    const parsed: ParsedFile = { file, format: 'flink-sql', text, units: [], suppressions: [], problems: [] };
    const binary = binaryProblem(file, text);
    if (binary !== undefined) return { ...parsed, problems: [binary] };
    const index = new LineIndex(text);
    const script = readFlinkSql(text);
    for (const p of script.problems.slice(0, 10)) parsed.problems.push({ file, position: index.position(p.offset), message: p.message, fatal: false });
    const add = (unit: ConfigUnit, o: SqlOption): void =>
      addEntry(unit, makeEntry({ key: o.key, rawKey: o.key, value: flinkValue(o.key, o.value), rawValue: o.value, file, position: index.position(o.keyToken.start), valuePosition: index.position(o.valueToken.start) }));
    const lines: number[] = [];
    for (const table of kafkaTables(script)) {
      const unit = createUnit({ id: sqlUnitId(file, table.name), file, role: options?.role ?? 'flink', dialect: 'flink', roleSource: options?.role ? 'explicit' : 'keys', name: table.name });
      unit.tableKind = tableKind(script, table.name, table.options);
      for (const o of table.options) add(unit, o);
      lines.push(...table.options.map((o) => index.position(o.keyToken.start).line));
      parsed.units.push(unit);
    }
    if (script.sets.length > 0) {
      const unit = createUnit({ id: sqlUnitId(file, undefined), file, role: options?.role ?? 'flink', dialect: 'flink', roleSource: options?.role ? 'explicit' : 'keys', name: 'SET' });
      for (const o of script.sets) add(unit, o);
      lines.push(...script.sets.map((o) => index.position(o.keyToken.start).line));
      parsed.units.push(unit);
    }
    const comments = script.comments.map((c) => {
      const p = index.position(c.start);
      return { line: p.line, column: p.column, text: c.value, trailing: text.slice(index.lineStart(p.line), c.start).trim() !== '' };
    });
    const sup = collectSuppressions(file, comments, lines);
    parsed.suppressions = sup.suppressions;
    parsed.problems.push(...sup.problems);
    return parsed;
  },
  applyEdits: (parsed, edits) => applySqlEdits(parsed, edits),
};
