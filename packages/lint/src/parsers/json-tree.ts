import type { Node, ParseError } from 'jsonc-parser';
import type { CommentAt } from './collect-suppressions.js';
import { jsoncLib } from './lazy-libs.js';
import { LineIndex } from './line-index.js';
import { REFUSE_DEPTH, tooDeepAt } from './nesting-guard.js';
import { MAX_DEPTH, type SeqItem, type TreeDoc, type TreeMap, type ValueType } from './tree-doc.js';

// jsonc-parser's SyntaxKind is a const enum, which verbatimModuleSyntax cannot import.
const LINE_COMMENT = 12;
const BLOCK_COMMENT = 13;
const EOF = 17;


/**
 * Reads a JSON file (JSONC: `//` and `/* *\/` comments, trailing commas) into
 * leaves with offsets. Keys such as `__proto__` are plain data here: nothing
 * is turned into a JavaScript object.
 */
export function readJsonTree(file: string, text: string): TreeDoc {
  const index = new LineIndex(text);
  const tree: TreeDoc = { leaves: [], maps: [], comments: [], problems: [], docs: 1 };
  const deep = tooDeepAt(text, false);
  if (deep !== undefined) {
    tree.problems.push({ file, position: index.position(deep), message: `JSON nested deeper than ${REFUSE_DEPTH} levels: not a configuration file`, fatal: true });
    return tree;
  }
  const errors: ParseError[] = [];
  let root: Node | undefined;
  try {
    root = jsoncLib().parseTree(text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
  } catch (err) {
    tree.problems.push({ file, position: { line: 1, column: 1 }, message: `JSON could not be read: ${(err as Error).message}`, fatal: true });
    return tree;
  }
  for (const e of errors.slice(0, 5)) {
    tree.problems.push({ file, position: index.position(e.offset), message: `JSON: ${jsoncLib().printParseErrorCode(e.error)}`, fatal: false });
  }
  if (root !== undefined) walk(root, [], 0, tree, text, file, index);
  tree.comments = jsonComments(text, index);
  return tree;
}

function walk(node: Node, path: string[], depth: number, tree: TreeDoc, text: string, file: string, index: LineIndex): void {
  if (depth > MAX_DEPTH) {
    if (!tree.problems.some((p) => p.message.startsWith('nesting'))) {
      tree.problems.push({ file, position: index.position(node.offset), message: `nesting deeper than ${MAX_DEPTH} levels ignored`, fatal: false });
    }
    return;
  }
  if (node.type === 'array') {
    (node.children ?? []).forEach((c, i) => walk(c, [...path, String(i)], depth + 1, tree, text, file, index));
    return;
  }
  if (node.type !== 'object') return;
  const map: TreeMap = { path, doc: 0, start: node.offset, end: node.offset + node.length, flow: true, indent: undefined, lastPairEnd: undefined };
  tree.maps.push(map);
  for (const prop of node.children ?? []) {
    const [keyNode, value] = prop.children ?? [];
    if (keyNode === undefined || typeof keyNode.value !== 'string') continue;
    const key = keyNode.value;
    const keyStart = keyNode.offset;
    const keyEnd = keyNode.offset + keyNode.length;
    if (map.indent === undefined) map.indent = keyStart - index.lineStart(index.position(keyStart).line);
    const childPath = [...path, key];
    if (value === undefined) continue;
    const valueStart = value.offset;
    const valueEnd = value.offset + value.length;
    map.lastPairEnd = valueEnd;
    const base = { path: childPath, doc: 0, key, keyStart, keyEnd, valueStart, valueEnd, pairStart: keyStart, pairEnd: valueEnd, parent: map };
    if (value.type === 'object' || (value.type === 'array' && (value.children ?? []).some((c) => c.type === 'object' || c.type === 'array'))) {
      walk(value, childPath, depth + 1, tree, text, file, index);
    } else if (value.type === 'array') {
      const items: SeqItem[] = (value.children ?? []).map((c) => ({ ...scalar(c, text), start: c.offset, end: c.offset + c.length }));
      tree.leaves.push({ ...base, value: items.map((i) => i.value).join(','), rawValue: text.slice(valueStart, valueEnd), type: 'seq', quote: null, items });
    } else {
      tree.leaves.push({ ...base, ...scalar(value, text) });
    }
  }
}

function scalar(node: Node, text: string): { value: string; rawValue: string; type: ValueType; quote: '"' | null } {
  const source = text.slice(node.offset, node.offset + node.length);
  switch (node.type) {
    case 'string':
      return { value: String(node.value), rawValue: String(node.value), type: 'string', quote: '"' };
    case 'number':
      return { value: /^-?\d+$/.test(source) ? source : String(node.value), rawValue: source, type: 'number', quote: null };
    case 'boolean':
      return { value: String(node.value), rawValue: source, type: 'boolean', quote: null };
    default:
      return { value: '', rawValue: source, type: 'null', quote: null };
  }
}

/** `//` and `/* *\/` comments with positions. */
export function jsonComments(text: string, index: LineIndex): CommentAt[] {
  const out: CommentAt[] = [];
  const scanner = jsoncLib().createScanner(text, false);
  for (let kind = scanner.scan(); kind !== EOF; kind = scanner.scan()) {
    if (kind !== LINE_COMMENT && kind !== BLOCK_COMMENT) continue;
    const offset = scanner.getTokenOffset();
    const raw = text.slice(offset, offset + scanner.getTokenLength());
    const p = index.position(offset);
    const before = text.slice(index.lineStart(p.line), offset);
    out.push({ line: p.line, column: p.column, text: kind === LINE_COMMENT ? raw.slice(2) : raw.slice(2, -2), trailing: before.trim() !== '' });
  }
  return out;
}
