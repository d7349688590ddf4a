import type { ParseProblem } from '../model.js';
import type { CommentAt } from './collect-suppressions.js';
import type { LineIndex } from './line-index.js';
import type { LineSetting } from './line-settings.js';

const NAME = /^[A-Za-z_][A-Za-z0-9_.]*$/;

/**
 * Reads a `.env` file as docker compose does: `NAME=value`, optional
 * `export `, `#` comment lines, `'single'` and `"double"` quoted values
 * (backslash escapes in double quotes), and ` #` inline comments after
 * unquoted values.
 */
export function readDotenv(file: string, text: string, index: LineIndex): { settings: LineSetting[]; comments: CommentAt[]; problems: ParseProblem[] } {
  const settings: LineSetting[] = [];
  const comments: CommentAt[] = [];
  const problems: ParseProblem[] = [];
  for (let line = 1; line <= index.lineCount; line++) {
    const start = index.lineStart(line);
    const end = index.lineEnd(line);
    const raw = text.slice(start, end);
    const lead = raw.length - raw.trimStart().length;
    const body = raw.trimStart();
    if (body === '') continue;
    if (body.startsWith('#')) {
      comments.push({ line, column: lead + 1, text: body.slice(1), trailing: false });
      continue;
    }
    const exp = /^export\s+/.exec(body)?.[0].length ?? 0;
    const eq = body.indexOf('=');
    const name = (eq === -1 ? body : body.slice(exp, eq)).trim();
    if (eq === -1 || !NAME.test(name)) {
      problems.push({ file, position: { line, column: lead + 1 }, message: 'not a NAME=value line', fatal: false });
      continue;
    }
    const keyStart = start + lead + exp;
    let vStart = start + lead + eq + 1;
    while (vStart < end && (text[vStart] === ' ' || text[vStart] === '\t')) vStart++;
    const q = text[vStart];
    let value: string;
    let vEnd: number;
    let quote: '"' | "'" | null = null;
    if (q === '"' || q === "'") {
      quote = q;
      let i = vStart + 1;
      while (i < end && text[i] !== q) i += q === '"' && text[i] === '\\' ? 2 : 1;
      vEnd = Math.min(i + 1, end);
      const inner = text.slice(vStart + 1, i);
      value = q === '"' ? inner.replace(/\\(["\\$n])/g, (_m, c: string) => (c === 'n' ? '\n' : c)) : inner;
      if (i >= end) problems.push({ file, position: { line, column: vStart - start + 1 }, message: `unterminated ${q} quote`, fatal: false });
      const hash = text.indexOf('#', vEnd);
      if (hash !== -1 && hash < end) comments.push({ line, column: hash - start + 1, text: text.slice(hash + 1, end), trailing: true });
    } else {
      const rest = text.slice(vStart, end);
      const hash = rest.search(/(^|\s)#/);
      const valueText = (hash === -1 ? rest : rest.slice(0, hash)).trimEnd();
      value = valueText;
      vEnd = vStart + valueText.length;
      if (hash !== -1) {
        const at = vStart + rest.indexOf('#', hash);
        comments.push({ line, column: at - start + 1, text: text.slice(at + 1, end), trailing: true });
      }
    }
    settings.push({ key: name, value, keyStart, keyEnd: keyStart + name.length, valueStart: vStart, valueEnd: vEnd, quote });
  }
  return { settings, comments, problems };
}
