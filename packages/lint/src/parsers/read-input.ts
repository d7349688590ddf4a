import type { ParseProblem } from '../model.js';
import { LineIndex } from './line-index.js';

/** How to decode bytes that are not valid UTF-8. */
export type FallbackEncoding = 'latin1' | 'replace';

/** Text decoded from a file, plus what went wrong while decoding it. */
export interface DecodedInput {
  text: string;
  problems: ParseProblem[];
}

const utf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const utf8Lossy = new TextDecoder('utf-8', { fatal: false, ignoreBOM: true });

/**
 * Decodes a file's bytes. Invalid UTF-8 is not fatal: `.properties` files are
 * read as ISO-8859-1 (what `java.util.Properties.load(InputStream)` does, and
 * Kafka loads its files that way); other formats keep U+FFFD and get a
 * problem naming the first bad line.
 */
export function decodeInput(file: string, input: string | Uint8Array, fallback: FallbackEncoding): DecodedInput {
  if (typeof input === 'string') return { text: input, problems: [] };
  try {
    return { text: utf8.decode(input), problems: [] };
  } catch {
    if (fallback === 'latin1') return { text: Buffer.from(input).toString('latin1'), problems: [] };
    const text = utf8Lossy.decode(input);
    const at = text.indexOf('\ufffd');
    const position = new LineIndex(text).position(Math.max(at, 0));
    return {
      text,
      problems: [{ file, position, message: 'the file is not valid UTF-8; unreadable bytes were replaced', fatal: false }],
    };
  }
}

/**
 * Returns a fatal problem when the text is binary (it holds NUL characters,
 * which no config format allows), else undefined.
 */
export function binaryProblem(file: string, text: string): ParseProblem | undefined {
  const at = text.indexOf('\u0000');
  if (at === -1) return undefined;
  return {
    file,
    position: new LineIndex(text).position(at),
    message: 'binary content (NUL byte): not a configuration file',
    fatal: true,
  };
}
