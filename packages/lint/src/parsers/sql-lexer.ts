/** A token of Flink SQL. */
export interface SqlToken {
  type: 'word' | 'string' | 'ident' | 'punct' | 'comment';
  /** Words as written; strings and identifiers unquoted and unescaped; comments without their markers. */
  value: string;
  start: number;
  end: number;
  /** Set when a string, identifier or block comment runs to the end of the text. */
  unterminated?: boolean;
}

/**
 * Splits SQL into tokens in one linear pass: `--` and `/* *\/` comments,
 * `'strings'` with `''` escapes, `` `identifiers` `` and `"identifiers"`,
 * words and single-character punctuation. Whitespace is dropped.
 */
export function lexSql(text: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === '\f' || c === '\ufeff') {
      i++;
    } else if (c === '-' && text[i + 1] === '-') {
      let j = i + 2;
      while (j < n && text[j] !== '\n' && text[j] !== '\r') j++;
      tokens.push({ type: 'comment', value: text.slice(i + 2, j), start: i, end: j });
      i = j;
    } else if (c === '/' && text[i + 1] === '*') {
      const close = text.indexOf('*/', i + 2);
      const j = close === -1 ? n : close + 2;
      tokens.push({ type: 'comment', value: text.slice(i + 2, close === -1 ? n : close), start: i, end: j, ...(close === -1 ? { unterminated: true } : {}) });
      i = j;
    } else if (c === "'" || c === '`' || c === '"') {
      let j = i + 1;
      let value = '';
      let closed = false;
      while (j < n) {
        const d = text[j];
        if (d === c) {
          if (text[j + 1] === c) {
            value += c;
            j += 2;
            continue;
          }
          closed = true;
          j++;
          break;
        }
        const next = text.indexOf(c, j);
        const stop = next === -1 ? n : next;
        value += text.slice(j, stop);
        j = stop;
      }
      tokens.push({ type: c === "'" ? 'string' : 'ident', value, start: i, end: j, ...(closed ? {} : { unterminated: true }) });
      i = j;
    } else if (/[A-Za-z0-9_$]/.test(c)) {
      let j = i + 1;
      while (j < n && /[A-Za-z0-9_$]/.test(text[j] as string)) j++;
      tokens.push({ type: 'word', value: text.slice(i, j), start: i, end: j });
      i = j;
    } else {
      tokens.push({ type: 'punct', value: c, start: i, end: i + 1 });
      i++;
    }
  }
  return tokens;
}
