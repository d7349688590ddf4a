import type { Edit, ParsedFile } from '../model.js';
import { afterLineBreak, lineStartOf, newlineOf, splice } from './text-splice.js';

/** One `key<sep>value` line of a line-oriented format (.env, legacy flink-conf.yaml). */
export interface LineSetting {
  key: string;
  /** Value with quotes removed and escapes resolved. */
  value: string;
  keyStart: number;
  keyEnd: number;
  /** Value text as written, quotes included. */
  valueStart: number;
  valueEnd: number;
  quote: '"' | "'" | null;
}

/** How a line format maps settings to units and back. */
export interface LineMapping {
  read(text: string): LineSetting[];
  locate(setting: LineSetting): { unitIds: string[]; key: string } | undefined;
  /** The written key and a full new line for a key of a unit. */
  spell(unitId: string, key: string): string;
  line(writtenKey: string, value: string): string;
  /** The value text replacing an existing value (keeps the quote style). */
  value(value: string, quote: '"' | "'" | null): string;
}

/** Applies edits to a line-oriented file: one key or value span per edit, everything else kept. */
export function applyLineEdits(parsed: ParsedFile, edits: Edit[], mapping: LineMapping): string {
  const unitIds = new Set(parsed.units.map((u) => u.id));
  let text = parsed.text;
  for (const edit of edits) {
    if (!unitIds.has(edit.unitId)) throw new RangeError(`no unit "${edit.unitId}" in ${parsed.file}`);
    const settings = mapping.read(text);
    const ofUnit = settings.filter((s) => mapping.locate(s)?.unitIds.includes(edit.unitId));
    const ofKey = (key: string): LineSetting[] => ofUnit.filter((s) => mapping.locate(s)?.key === key);
    if (edit.kind === 'set') {
      const last = ofKey(edit.key).at(-1);
      if (last !== undefined) {
        text = splice(text, last.valueStart, last.valueEnd, mapping.value(edit.value, last.quote));
      } else {
        const line = mapping.line(mapping.spell(edit.unitId, edit.key), edit.value);
        const after = (ofUnit.at(-1) ?? settings.at(-1))?.valueEnd;
        const nl = newlineOf(text);
        if (after !== undefined) {
          const at = afterLineBreak(text, after);
          const ended = at > 0 && /[\r\n]/.test(text[at - 1] as string);
          text = splice(text, at, at, (ended ? '' : nl) + line + (ended ? nl : ''));
        } else {
          text = text + (text.length > 0 && !/[\r\n]$/.test(text) ? nl : '') + line + nl;
        }
      }
    } else if (edit.kind === 'remove') {
      for (const s of ofKey(edit.key).reverse()) text = splice(text, lineStartOf(text, s.keyStart), afterLineBreak(text, s.valueEnd), '');
    } else {
      const to = mapping.spell(edit.unitId, edit.to);
      for (const s of ofKey(edit.from).reverse()) text = splice(text, s.keyStart, s.keyEnd, to);
    }
  }
  return text;
}
