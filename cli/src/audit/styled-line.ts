import type { Severity } from '@eoskit/lint';

/** A run of text with one style; colours are dropped under NO_COLOR, bold and inverse are kept. */
export interface Segment {
  text: string;
  color?: 'red' | 'yellow' | 'cyan' | 'green' | 'gray' | 'magenta';
  bold?: boolean;
  dim?: boolean;
  inverse?: boolean;
}

/** One screen line. Screens are built as lines so every screen fits the terminal by construction. */
export type StyledLine = Segment[];

/** A segment. */
export function seg(text: string, style: Omit<Segment, 'text'> = {}): Segment {
  return { text, ...style };
}

/** A line of plain text. */
export function plain(text: string, style: Omit<Segment, 'text'> = {}): StyledLine {
  return [seg(text, style)];
}

/** The text of a line, without styles. */
export function lineText(line: StyledLine): string {
  return line.map((s) => s.text).join('');
}

/** Colour and short label of each severity. */
export const SEVERITY_STYLE: Record<Severity, { color: Segment['color']; label: string; mark: string }> = {
  error: { color: 'red', label: 'error', mark: 'E' },
  warning: { color: 'yellow', label: 'warning', mark: 'W' },
  info: { color: 'cyan', label: 'info', mark: 'I' },
};

/** Shortens text to `width` columns with an ellipsis. */
export function truncate(text: string, width: number): string {
  if (width <= 0) return '';
  const chars = [...text];
  return chars.length <= width ? text : `${chars.slice(0, Math.max(0, width - 1)).join('')}…`;
}

/** Pads or shortens text to exactly `width` columns. */
export function fit(text: string, width: number): string {
  const cut = truncate(text, width);
  return cut + ' '.repeat(Math.max(0, width - [...cut].length));
}

/** Word-wraps text to `width` columns; words longer than a line are split. Each line starts with `indent`. */
export function wrapText(text: string, width: number, indent = ''): string[] {
  const room = Math.max(1, width - indent.length);
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    for (let word of paragraph.split(/\s+/).filter(Boolean)) {
      while ([...word].length > room) {
        if (line) lines.push(line);
        line = '';
        lines.push([...word].slice(0, room).join(''));
        word = [...word].slice(room).join('');
      }
      if (!line) line = word;
      else if ([...line].length + 1 + [...word].length <= room) line += ` ${word}`;
      else {
        lines.push(line);
        line = word;
      }
    }
    lines.push(line);
  }
  return lines.map((l) => indent + l);
}

/** Cuts a line to `width` columns (an ellipsis marks the cut), keeping each segment's style. */
export function clip(line: StyledLine, width: number): StyledLine {
  const total = line.reduce((n, s) => n + [...s.text].length, 0);
  if (total <= width) return line;
  const out: StyledLine = [];
  let room = Math.max(0, width - 1);
  for (const s of line) {
    if (room <= 0) break;
    const chars = [...s.text];
    out.push({ ...s, text: chars.slice(0, room).join('') });
    room -= Math.min(room, chars.length);
  }
  const last = out[out.length - 1];
  out.push({ ...(last ?? { text: '' }), text: '…' });
  return out;
}
