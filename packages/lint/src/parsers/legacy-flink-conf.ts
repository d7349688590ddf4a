import type { ParseProblem } from '../model.js';
import type { CommentAt } from './collect-suppressions.js';
import type { LineIndex } from './line-index.js';
import type { LineSetting } from './line-settings.js';

/**
 * Reads a legacy `flink-conf.yaml` the way Flink's GlobalConfiguration did
 * (not as YAML): `#` starts a comment anywhere on a line, `key: value` splits
 * at the first `": "`, other lines are skipped with a warning.
 */
export function readLegacyFlinkConf(file: string, text: string, index?: LineIndex): { settings: LineSetting[]; comments: CommentAt[]; problems: ParseProblem[] } {
  const settings: LineSetting[] = [];
  const comments: CommentAt[] = [];
  const problems: ParseProblem[] = [];
  let lineNo = 0;
  for (let start = 0; start <= text.length; ) {
    lineNo++;
    let end = start;
    while (end < text.length && text[end] !== '\n' && text[end] !== '\r') end++;
    const line = text.slice(start, end);
    const hash = line.indexOf('#');
    const conf = hash === -1 ? line : line.slice(0, hash);
    if (hash !== -1) comments.push({ line: lineNo, column: hash + 1, text: line.slice(hash + 1), trailing: conf.trim() !== '' });
    if (conf.trim() !== '') {
      const sep = conf.indexOf(': ');
      if (sep === -1) {
        const at = start + (conf.length - conf.trimStart().length);
        problems.push({ file, position: index?.position(at) ?? { line: lineNo, column: at - start + 1 }, message: 'not a "key: value" line; Flink ignores it', fatal: false });
      } else {
        const lead = conf.length - conf.trimStart().length;
        const key = conf.slice(lead, sep).trim();
        const rest = conf.slice(sep + 2);
        const vLead = rest.length - rest.trimStart().length;
        const value = rest.trim();
        const valueStart = start + sep + 2 + vLead;
        settings.push({ key, value, keyStart: start + lead, keyEnd: start + lead + key.length, valueStart, valueEnd: valueStart + value.length, quote: null });
      }
    }
    if (end >= text.length) break;
    start = end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1);
  }
  return { settings, comments, problems };
}
