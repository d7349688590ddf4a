import type { Position } from '../model.js';

/**
 * Maps string offsets to 1-based line/column positions. Lines end at `\n`,
 * `\r\n` or a lone `\r` (Java's Properties reader accepts all three). A
 * leading byte-order mark is not counted as a column, so the first key of a
 * BOM file still sits at column 1.
 */
export class LineIndex {
  /** Offset of the first character of each line. */
  private readonly starts: number[] = [0];
  private readonly bom: boolean;

  constructor(readonly text: string) {
    this.bom = text.charCodeAt(0) === 0xfeff;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10) this.starts.push(i + 1);
      else if (c === 13) {
        if (text.charCodeAt(i + 1) === 10) i++;
        this.starts.push(i + 1);
      }
    }
  }

  /** Number of lines (a trailing newline opens an empty last line). */
  get lineCount(): number {
    return this.starts.length;
  }

  /** Position of a string offset. */
  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    const start = this.starts[lo] ?? 0;
    const column = offset - start + 1 - (lo === 0 && this.bom && offset > 0 ? 1 : 0);
    return { line: lo + 1, column };
  }

  /** Offset where a 1-based line starts (clamped to the text). */
  lineStart(line: number): number {
    return this.starts[Math.min(Math.max(line, 1), this.starts.length) - 1] ?? 0;
  }

  /** Offset just past the last content character of a line (before its line break). */
  lineEnd(line: number): number {
    const next = line < this.starts.length ? (this.starts[line] ?? this.text.length) : this.text.length;
    let end = next;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 10) end--;
    if (end > this.lineStart(line) && this.text.charCodeAt(end - 1) === 13) end--;
    return end;
  }

  /** The line-break style the file mostly uses (`\n` when it has none). */
  get newline(): string {
    const crlf = this.text.indexOf('\r\n');
    const lf = this.text.indexOf('\n');
    return crlf !== -1 && crlf + 1 === lf ? '\r\n' : '\n';
  }
}
