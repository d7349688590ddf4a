/**
 * Nesting beyond which a file is refused before a parser sees it. The YAML
 * and JSON libraries recurse once per level, and V8 can abort the whole
 * process (not throw) when a regular expression is compiled at such a stack
 * depth, so depth is checked up front. No real config comes near this.
 */
export const REFUSE_DEPTH = 200;

/** Leading indentation (columns, YAML `- ` markers included) beyond which a file is refused for the same reason. */
export const REFUSE_INDENT = 400;

/**
 * Offset where nesting first exceeds {@link REFUSE_DEPTH}: brackets outside
 * quoted strings and comments, or a line indented (spaces, tabs, `- `
 * sequence markers) more than {@link REFUSE_INDENT} columns. Undefined for ordinary files.
 */
export function tooDeepAt(text: string, yaml: boolean): number | undefined {
  let depth = 0;
  let lineStart = true;
  let indent = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      lineStart = true;
      indent = 0;
      continue;
    }
    if (lineStart) {
      if (c === 32 || c === 9 || (yaml && c === 45)) {
        if (++indent > REFUSE_INDENT) return i;
        continue;
      }
      lineStart = false;
    }
    if (c === 34 || (yaml && c === 39)) {
      // Skip a quoted string ("..." with backslash escapes; YAML '...' with '' escapes).
      const q = c;
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (q === 34 && d === 92) i++;
        else if (d === q) break;
      }
    } else if (yaml && c === 35) {
      while (i + 1 < text.length && text.charCodeAt(i + 1) !== 10 && text.charCodeAt(i + 1) !== 13) i++;
    } else if (c === 91 || c === 123) {
      if (++depth > REFUSE_DEPTH) return i;
    } else if ((c === 93 || c === 125) && depth > 0) depth--;
  }
  return undefined;
}
