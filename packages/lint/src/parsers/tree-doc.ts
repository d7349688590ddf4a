import type { ParseProblem } from '../model.js';
import type { CommentAt } from './collect-suppressions.js';

/** JSON type of a value (YAML scalars resolved with the file's YAML schema). */
export type ValueType = 'string' | 'number' | 'boolean' | 'null' | 'seq' | 'map';

/** One item of a sequence of scalars (compose `environment` list form, kafkajs `brokers`). */
export interface SeqItem {
  value: string;
  start: number;
  end: number;
  quote: '"' | "'" | null;
}

/** A map of a YAML or JSON document, as far as edits need it. */
export interface TreeMap {
  path: string[];
  doc: number;
  start: number;
  end: number;
  /** Flow (`{a: 1}`) or JSON object, as opposed to a YAML block map. */
  flow: boolean;
  /** Column (0-based) of the keys of a block map; undefined for an empty map. */
  indent: number | undefined;
  /** End offset of the last pair, undefined when the map is empty. */
  lastPairEnd: number | undefined;
}

/** A key whose value is a scalar, a null, or a sequence of scalars. */
export interface TreeLeaf {
  /** Key segments from the document root (sequence indexes as decimal strings). */
  path: string[];
  doc: number;
  /** The last key, unquoted. */
  key: string;
  keyStart: number;
  keyEnd: number;
  /** Value token including quotes; for a missing value both are where one would go. */
  valueStart: number;
  valueEnd: number;
  /** The value as text: booleans `true`/`false`, null as '', sequences joined with ','. */
  value: string;
  /** The value token as written, without quotes. */
  rawValue: string;
  type: ValueType;
  quote: '"' | "'" | null;
  items?: SeqItem[];
  /** Offsets of the whole pair (key start to end of value). */
  pairStart: number;
  pairEnd: number;
  parent: TreeMap;
}

/** What the YAML and JSON readers produce for one file. */
export interface TreeDoc {
  leaves: TreeLeaf[];
  maps: TreeMap[];
  comments: CommentAt[];
  problems: ParseProblem[];
  /** Number of documents (YAML `---`). */
  docs: number;
}

/** Deeper structures are not configuration; the readers stop there and say so. */
export const MAX_DEPTH = 64;

/** Leaves whose path starts with `prefix`. */
export function leavesUnder(tree: TreeDoc, prefix: string[], doc?: number): TreeLeaf[] {
  return tree.leaves.filter(
    (l) => (doc === undefined || l.doc === doc) && l.path.length > prefix.length && prefix.every((p, i) => l.path[i] === p),
  );
}

/** The scalar value at an exact path, if any. */
export function valueAt(tree: TreeDoc, path: string[], doc?: number): TreeLeaf | undefined {
  return tree.leaves.find((l) => (doc === undefined || l.doc === doc) && l.path.length === path.length && path.every((p, i) => l.path[i] === p));
}

/** The map at an exact path, if any. */
export function mapAt(tree: TreeDoc, path: string[], doc: number): TreeMap | undefined {
  return tree.maps.find((m) => m.doc === doc && m.path.length === path.length && path.every((p, i) => m.path[i] === p));
}
