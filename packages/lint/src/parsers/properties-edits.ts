import type { Edit, ParsedFile } from '../model.js';
import { escapePropertiesKey, escapePropertiesValue, type PropertiesPair, tokenizeProperties } from './properties-syntax.js';
import { afterLineBreak, lineStartOf, newlineOf, splice } from './text-splice.js';

/** How a .properties-based format spells keys: written key <-> (unit, normalized key). */
export interface PropertiesKeyMapping {
  /** The units and normalized key a written key sets (rank: higher wins); undefined for keys no unit reads. */
  locate(writtenKey: string): { unitIds: string[]; key: string; rank?: number } | undefined;
  /** How to write a normalized key of a unit. */
  spell(unitId: string, key: string): string;
}

/**
 * Applies edits to a .properties text, one at a time on freshly tokenized
 * text, touching only the key or value text involved: comments, order,
 * separators, continuations of other entries and line breaks stay as written.
 */
export function applyPropertiesEdits(parsed: ParsedFile, edits: Edit[], mapping: PropertiesKeyMapping): string {
  const unitIds = new Set(parsed.units.map((u) => u.id));
  let text = parsed.text;
  for (const edit of edits) {
    if (!unitIds.has(edit.unitId)) throw new RangeError(`no unit "${edit.unitId}" in ${parsed.file}`);
    const pairs = tokenizeProperties(text).pairs;
    const ofUnit = pairs.filter((p) => mapping.locate(p.key)?.unitIds.includes(edit.unitId));
    const rank = (p: PropertiesPair): number => mapping.locate(p.key)?.rank ?? 0;
    const matching = (key: string): PropertiesPair[] =>
      ofUnit.filter((p) => mapping.locate(p.key)?.key === key).sort((a, b) => rank(a) - rank(b) || a.keyStart - b.keyStart);
    if (edit.kind === 'set') {
      const last = matching(edit.key).at(-1);
      const value = escapePropertiesValue(edit.value);
      if (last !== undefined) {
        const hasSeparator = last.valueStart > last.keyEnd;
        text = splice(text, last.valueStart, last.valueEnd, (hasSeparator ? '' : separatorOf(text, pairs)) + value);
      } else {
        const line = escapePropertiesKey(mapping.spell(edit.unitId, edit.key)) + separatorOf(text, pairs) + value;
        text = insertLine(text, (ofUnit.at(-1) ?? pairs.at(-1))?.valueEnd, line);
      }
    } else if (edit.kind === 'remove') {
      for (const p of matching(edit.key).reverse()) {
        text = splice(text, lineStartOf(text, p.keyStart), afterLineBreak(text, p.valueEnd), '');
      }
    } else {
      const to = escapePropertiesKey(mapping.spell(edit.unitId, edit.to));
      for (const p of matching(edit.from).reverse()) text = splice(text, p.keyStart, p.keyEnd, to);
    }
  }
  return text;
}

/** The separator most entries use (`=`, ` = `, `: `), `=` when the file has none. */
function separatorOf(text: string, pairs: PropertiesPair[]): string {
  const counts = new Map<string, number>();
  for (const p of pairs.slice(0, 200)) {
    const sep = text.slice(p.keyEnd, p.valueStart);
    if (/^[ \t]*[=:][ \t]*$/.test(sep)) counts.set(sep, (counts.get(sep) ?? 0) + 1);
  }
  let best = '=';
  let n = 0;
  for (const [sep, c] of counts) if (c > n) [best, n] = [sep, c];
  return best;
}

/** Inserts a new line after the entry ending at `after`, or at the end of the text. */
function insertLine(text: string, after: number | undefined, line: string): string {
  const nl = newlineOf(text);
  if (after !== undefined) return splice(text, after, after, nl + line);
  const needsBreak = text.length > 0 && !/[\r\n]$/.test(text);
  return text + (needsBreak ? nl : '') + line + nl;
}
