import type { Document, Node, Scalar } from 'yaml';
import type { CommentAt } from './collect-suppressions.js';
import { yamlLib } from './lazy-libs.js';
import { LineIndex } from './line-index.js';
import { REFUSE_DEPTH, tooDeepAt } from './nesting-guard.js';
import { MAX_DEPTH, type SeqItem, type TreeDoc, type TreeMap, type ValueType } from './tree-doc.js';

/** Options of {@link readYamlTree}. */
export interface YamlTreeOptions {
  /** YAML 1.1 (Spring's SnakeYAML: `on`/`off`/`yes`/`no` are booleans) or 1.2 (default). */
  version?: '1.1' | '1.2';
}

/**
 * Reads every document of a YAML file into leaves with offsets. Plain data
 * only: unknown tags stay strings (never executed), aliases resolve one level
 * without expansion, duplicate keys are kept (the handler shadows them).
 */
export function readYamlTree(file: string, text: string, options: YamlTreeOptions = {}): TreeDoc {
  const index = new LineIndex(text);
  const tree: TreeDoc = { leaves: [], maps: [], comments: [], problems: [], docs: 0 };
  const deep = tooDeepAt(text, true);
  if (deep !== undefined) {
    tree.problems.push({ file, position: index.position(deep), message: `YAML nested deeper than ${REFUSE_DEPTH} levels: not a configuration file`, fatal: true });
    return tree;
  }
  let docs: Document.Parsed[];
  try {
    const parsed = yamlLib().parseAllDocuments(text, { uniqueKeys: false, prettyErrors: false, version: options.version ?? '1.2', strict: false });
    docs = Array.isArray(parsed) ? parsed : [];
  } catch (err) {
    tree.problems.push({ file, position: { line: 1, column: 1 }, message: `YAML could not be read: ${String((err as Error).message).split('\n')[0]}`, fatal: true });
    return tree;
  }
  tree.docs = docs.length;
  const walker = new Walker(file, text, index, tree);
  docs.forEach((d, i) => {
    for (const e of d.errors.slice(0, 5)) {
      tree.problems.push({ file, position: index.position(e.pos[0]), message: `YAML: ${e.message.split('\n')[0]}`, fatal: false });
    }
    walker.doc = d;
    walker.walk(d.contents, [], i, 0);
  });
  tree.comments = yamlComments(text, index);
  return tree;
}

class Walker {
  doc: Document.Parsed | undefined;
  private tooDeep = false;

  constructor(
    private readonly file: string,
    private readonly text: string,
    private readonly index: LineIndex,
    private readonly tree: TreeDoc,
  ) {}

  walk(node: unknown, path: string[], doc: number, depth: number): void {
    const { isMap, isSeq } = yamlLib();
    if (depth > MAX_DEPTH) {
      if (!this.tooDeep) {
        const at = (node as Node | null)?.range?.[0] ?? 0;
        this.tree.problems.push({ file: this.file, position: this.index.position(at), message: `nesting deeper than ${MAX_DEPTH} levels ignored`, fatal: false });
        this.tooDeep = true;
      }
      return;
    }
    if (isMap(node)) this.walkMap(node, path, doc, depth);
    else if (isSeq(node)) node.items.forEach((item, i) => this.walk(item, [...path, String(i)], doc, depth + 1));
  }

  private walkMap(node: Node & { items: unknown[]; flow?: boolean }, path: string[], doc: number, depth: number): void {
    const { isAlias, isMap, isScalar, isSeq } = yamlLib();
    const [start, end] = node.range ?? [0, 0];
    const map: TreeMap = { path, doc, start, end, flow: node.flow === true, indent: undefined, lastPairEnd: undefined };
    this.tree.maps.push(map);
    for (const pair of node.items as { key: unknown; value: unknown }[]) {
      if (!isScalar(pair.key) || pair.key.range === undefined || pair.key.range === null) continue;
      const key = String(pair.key.value);
      const [keyStart, keyEnd] = pair.key.range;
      if (map.indent === undefined && !map.flow) map.indent = keyStart - this.index.lineStart(this.index.position(keyStart).line);
      let value = pair.value;
      // An alias stands for its anchor's scalar (one level, never expanded); its own range is where it is written.
      let aliasRange: [number, number, number] | undefined;
      if (isAlias(value)) {
        aliasRange = value.range ?? undefined;
        const target = value.resolve(this.doc as Document.Parsed);
        value = isScalar(target) ? target : undefined;
      }
      const childPath = [...path, key];
      const base = { path: childPath, doc, key, keyStart, keyEnd, parent: map };
      if (isMap(value) || (isSeq(value) && value.items.some((x) => !isScalar(x)))) {
        this.walk(value, childPath, doc, depth + 1);
        map.lastPairEnd = value.range?.[1] ?? keyEnd;
      } else if (isSeq(value)) {
        const items: SeqItem[] = (value.items as Scalar[]).map((s) => ({ ...scalarText(s, this.text), start: s.range?.[0] ?? 0, end: s.range?.[1] ?? 0 }));
        const [valueStart, valueEnd] = value.range ?? [keyEnd, keyEnd];
        const joined = items.map((i) => i.value).join(',');
        this.tree.leaves.push({ ...base, valueStart, valueEnd, value: joined, rawValue: this.text.slice(valueStart, valueEnd), type: 'seq', quote: null, items, pairStart: keyStart, pairEnd: valueEnd });
        map.lastPairEnd = valueEnd;
      } else if (isScalar(value) && value.range && !(value.value === null && value.range[0] === value.range[1])) {
        const [valueStart, valueEnd] = aliasRange ?? value.range;
        this.tree.leaves.push({ ...base, valueStart, valueEnd, ...scalarText(value, this.text), pairStart: keyStart, pairEnd: valueEnd });
        map.lastPairEnd = valueEnd;
      } else {
        // `key:` with nothing after it: a null value, placed right after the colon.
        const colon = this.text.indexOf(':', keyEnd);
        const at = colon === -1 ? keyEnd : colon + 1;
        this.tree.leaves.push({ ...base, valueStart: at, valueEnd: at, value: '', rawValue: '', type: 'null', quote: null, pairStart: keyStart, pairEnd: at });
        map.lastPairEnd = at;
      }
    }
  }
}

/** A scalar as normalized text, raw text (no quotes), type and quote style. */
function scalarText(s: Scalar, text: string): { value: string; rawValue: string; type: ValueType; quote: '"' | "'" | null } {
  const [start, end] = s.range ?? [0, 0];
  const source = text.slice(start, end);
  const quote = s.type === 'QUOTE_DOUBLE' ? '"' : s.type === 'QUOTE_SINGLE' ? "'" : null;
  const v: unknown = s.value;
  if (typeof v === 'string') return { value: v, rawValue: v, type: 'string', quote };
  if (typeof v === 'boolean') return { value: String(v), rawValue: source, type: 'boolean', quote };
  if (typeof v === 'number' || typeof v === 'bigint') {
    // Keep integer digits as written: Number would round 9223372036854775807.
    const digits = /^[-+]?\d+$/.test(source) ? source.replace(/^\+/, '') : String(v);
    return { value: digits, rawValue: source, type: 'number', quote };
  }
  if (v === null || v === undefined) return { value: '', rawValue: source, type: 'null', quote };
  return { value: source, rawValue: source, type: 'string', quote };
}

/** Lexer markers that stand for no source text. */
const MARKERS = new Set(['\x02', '\x18', '\x1f']);

/** Every `#` comment with its position; trailing when code precedes it on the line. */
export function yamlComments(text: string, index: LineIndex): CommentAt[] {
  const out: CommentAt[] = [];
  let offset = 0;
  for (const token of new (yamlLib().Lexer)().lex(text)) {
    if (MARKERS.has(token)) continue;
    if (token.startsWith('#')) {
      const p = index.position(offset);
      const before = text.slice(index.lineStart(p.line), offset);
      out.push({ line: p.line, column: p.column, text: token.slice(1), trailing: before.trim() !== '' });
    }
    offset += token.length;
  }
  return out;
}
