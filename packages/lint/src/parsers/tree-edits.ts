import type { Edit, ParsedFile } from '../model.js';
import { jsonScalar, type WriteValue, yamlKey, yamlScalar } from './scalar-writer.js';
import { afterLineBreak, lineStartOf, newlineOf, splice } from './text-splice.js';
import { mapAt, type TreeDoc, type TreeLeaf, type TreeMap } from './tree-doc.js';

/** What a leaf sets: its key in some units, and how strongly (section beats shared). */
export interface LeafTarget {
  unitIds: string[];
  key: string;
  rank?: number;
}

/** How a YAML/JSON format maps its leaves to units and normalized keys, and back. */
export interface TreeMapping {
  syntax: 'yaml' | 'json';
  /** Re-reads the (edited) text. */
  read(text: string): TreeDoc;
  /**
   * The units and normalized key a leaf sets (a shared section feeds several
   * units), with a rank: the highest-ranked, then last, occurrence wins.
   */
  locate(leaf: TreeLeaf, tree: TreeDoc): LeafTarget | undefined;
  /** Where a key of a unit is written: document and path from its root, and the value in the format's terms. */
  place(unitId: string, key: string, value: string, tree: TreeDoc): { doc: number; path: string[]; value: WriteValue } | undefined;
  /** Whether several path segments may be written as one dotted key (Flink, Spring flatten keys; Kubernetes does not). */
  joinable: boolean;
}

/**
 * Applies edits to a YAML or JSON text by splicing only the affected key or
 * value text (comments, order, quoting and indentation elsewhere stay as they
 * are). Each edit sees the text as changed by the previous ones.
 */
export function applyTreeEdits(parsed: ParsedFile, edits: Edit[], mapping: TreeMapping): string {
  const unitIds = new Set(parsed.units.map((u) => u.id));
  let text = parsed.text;
  for (const edit of edits) {
    if (!unitIds.has(edit.unitId)) throw new RangeError(`no unit "${edit.unitId}" in ${parsed.file}`);
    const tree = mapping.read(text);
    const ofKey = (key: string): TreeLeaf[] =>
      tree.leaves
        .map((leaf) => ({ leaf, at: mapping.locate(leaf, tree) }))
        .filter(({ at }) => at !== undefined && at.key === key && at.unitIds.includes(edit.unitId))
        .sort((a, b) => (a.at?.rank ?? 0) - (b.at?.rank ?? 0) || a.leaf.keyStart - b.leaf.keyStart)
        .map(({ leaf }) => leaf);
    if (edit.kind === 'set') {
      const last = ofKey(edit.key).at(-1);
      const place = mapping.place(edit.unitId, edit.key, edit.value, tree);
      if (place === undefined) throw new RangeError(`${parsed.file}: cannot write ${edit.key} in this format`);
      text = last !== undefined ? replaceValue(text, last, place.value, mapping) : insertKey(text, tree, place, mapping);
    } else if (edit.kind === 'remove') {
      for (const leaf of ofKey(edit.key).reverse()) text = removePair(text, leaf);
    } else {
      for (const leaf of ofKey(edit.from).reverse()) {
        const place = mapping.place(edit.unitId, edit.to, leaf.value, tree);
        if (place === undefined) throw new RangeError(`${parsed.file}: cannot write ${edit.to} in this format`);
        const parent = leaf.parent.path;
        const rest = place.path.slice(parent.length);
        const samePlace = place.doc === leaf.doc && parent.every((p, i) => place.path[i] === p);
        if (samePlace && rest.length > 0 && (rest.length === 1 || mapping.joinable)) {
          const name = rest.join('.');
          text = splice(text, leaf.keyStart, leaf.keyEnd, mapping.syntax === 'json' ? JSON.stringify(name) : yamlKey(name));
        } else {
          text = removePair(text, leaf);
          text = insertKey(text, mapping.read(text), { ...place, value: { text: leaf.value, kind: 'auto' } }, mapping);
        }
      }
    }
  }
  return text;
}

function replaceValue(text: string, leaf: TreeLeaf, value: WriteValue, mapping: TreeMapping): string {
  // A quoted string stays a string ("1" -> "all", never 1 -> "all"); a plain one may become a number.
  const v: WriteValue = leaf.type === 'string' && leaf.quote !== null && value.kind === 'auto' ? { ...value, kind: 'string' } : value;
  if (leaf.type === 'seq') {
    const items = v.text.split(',').map((t) => ({ text: t.trim(), kind: 'auto' as const }));
    const list = mapping.syntax === 'json' ? `[${items.map(jsonScalar).join(', ')}]` : `[${items.map((i) => yamlScalar(i)).join(', ')}]`;
    return splice(text, leaf.valueStart, leaf.valueEnd, list);
  }
  const written = mapping.syntax === 'json' ? jsonScalar(v) : yamlScalar(v, leaf.quote);
  const pad = leaf.valueStart === leaf.valueEnd && mapping.syntax === 'yaml' ? ' ' : '';
  return splice(text, leaf.valueStart, leaf.valueEnd, pad + written);
}

/** Removes a pair: whole lines in block YAML, the pair and one comma in JSON and flow maps. */
function removePair(text: string, leaf: TreeLeaf): string {
  if (!leaf.parent.flow) return splice(text, lineStartOf(text, leaf.pairStart), afterLineBreak(text, leaf.pairEnd), '');
  const ownLine = text.slice(lineStartOf(text, leaf.pairStart), leaf.pairStart).trim() === '';
  let end = leaf.pairEnd;
  while (end < text.length && /[ \t\r\n]/.test(text[end] as string)) end++;
  if (text[end] === ',') {
    end++;
    while (end < text.length && /[ \t]/.test(text[end] as string)) end++;
    const restOfLineEmpty = end >= text.length || text[end] === '\n' || text[end] === '\r';
    if (ownLine && restOfLineEmpty) return splice(text, lineStartOf(text, leaf.pairStart), afterLineBreak(text, end), '');
    return splice(text, leaf.pairStart, end, '');
  }
  let start = leaf.pairStart;
  while (start > 0 && /[ \t\r\n]/.test(text[start - 1] as string)) start--;
  if (text[start - 1] === ',') return splice(text, start - 1, leaf.pairEnd, '');
  return splice(text, leaf.pairStart, leaf.pairEnd, '');
}

/** Inserts a new key at the deepest existing map on its path. */
function insertKey(text: string, tree: TreeDoc, place: { doc: number; path: string[]; value: WriteValue }, mapping: TreeMapping): string {
  let depth = place.path.length - 1;
  let map: TreeMap | undefined;
  for (; depth >= 0; depth--) {
    map = mapAt(tree, place.path.slice(0, depth), place.doc);
    if (map !== undefined) break;
  }
  const rest = place.path.slice(Math.max(depth, 0));
  if (mapping.syntax === 'json') return insertJson(text, map, rest, place.value);
  // A `key:` with a null value on the way is where the nested block goes.
  const nullLeaf = tree.leaves.find(
    (l) => l.doc === place.doc && l.type === 'null' && l.path.length === depth + 1 && l.path.every((p, i) => place.path[i] === p),
  );
  if (nullLeaf !== undefined && rest.length > 1) {
    const indent = (nullLeaf.parent.indent ?? 0) + 2;
    const block = yamlBlock(rest.slice(1), place.value, indent, mapping.joinable, newlineOf(text));
    return splice(text, nullLeaf.valueStart, nullLeaf.valueEnd, block);
  }
  const nl = newlineOf(text);
  if (map === undefined || map.lastPairEnd === undefined) {
    const base = map === undefined ? 0 : (map.indent ?? 0);
    if (map !== undefined && map.flow) {
      return splice(text, map.start + 1, map.start + 1, `${yamlKey(rest.join('.'))}: ${yamlScalar(place.value)}`);
    }
    const needsBreak = text.length > 0 && !/[\r\n]$/.test(text);
    return text + (needsBreak ? nl : '') + yamlBlock(rest, place.value, base, mapping.joinable, nl).replace(/^\r?\n/, '') + nl;
  }
  if (map.flow) return splice(text, map.lastPairEnd, map.lastPairEnd, `, ${yamlKey(rest.join('.'))}: ${yamlScalar(place.value)}`);
  // A nested block's range runs into the next line: step back to its last character.
  let last = map.lastPairEnd;
  while (last > map.start && /\s/.test(text[last - 1] as string)) last--;
  const at = afterLineBreak(text, last);
  const endsLine = at > 0 && /[\r\n]/.test(text[at - 1] as string);
  const block = yamlBlock(rest, place.value, map.indent ?? 0, mapping.joinable, nl).replace(/^\r?\n/, '');
  return splice(text, at, at, (endsLine ? '' : nl) + block + (endsLine ? nl : ''));
}

/** `\n  a: v` or, when segments may not be joined, nested `\n  a:\n    b: v`. */
function yamlBlock(segments: string[], value: WriteValue, indent: number, joinable: boolean, nl: string): string {
  if (joinable || segments.length <= 1) return `${nl}${' '.repeat(indent)}${yamlKey(segments.join('.'))}: ${yamlScalar(value)}`;
  let out = '';
  segments.forEach((s, i) => {
    const last = i === segments.length - 1;
    out += `${nl}${' '.repeat(indent + 2 * i)}${yamlKey(s)}:${last ? ' ' + yamlScalar(value) : ''}`;
  });
  return out;
}

function insertJson(text: string, map: TreeMap | undefined, rest: string[], value: WriteValue): string {
  const literal = rest
    .slice(1)
    .reduceRight((inner, seg) => `{ ${JSON.stringify(seg)}: ${inner} }`, jsonScalar(value));
  const pair = `${JSON.stringify(rest[0] ?? '')}: ${literal}`;
  if (map === undefined) return text.trim() === '' ? `{ ${pair} }\n` : text;
  const nl = newlineOf(text);
  if (map.lastPairEnd === undefined) {
    const base = lineIndentAt(text, map.start);
    return splice(text, map.start + 1, map.start + 1, `${nl}${' '.repeat(base + 2)}${pair}${nl}${' '.repeat(base)}`);
  }
  const sameLine = !text.slice(map.start, map.lastPairEnd).includes('\n');
  const sep = sameLine ? ', ' : `,${nl}${' '.repeat(map.indent ?? 2)}`;
  return splice(text, map.lastPairEnd, map.lastPairEnd, sep + pair);
}

/** Indentation of the line holding `offset`. */
function lineIndentAt(text: string, offset: number): number {
  const start = lineStartOf(text, offset);
  let i = start;
  while (text[i] === ' ' || text[i] === '\t') i++;
  return i - start;
}
