import { describe, expect, it } from 'vitest';
import { clip, fit, lineText, seg, truncate, wrapText } from './styled-line.js';

describe('audit > styled lines', () => {
  it('wraps words to the width and splits words longer than a line', () => {
    expect(wrapText('a bb ccc dddd', 6)).toEqual(['a bb', 'ccc', 'dddd']);
    expect(wrapText('aaa bbbb ccccc dd', 10)).toEqual(['aaa bbbb', 'ccccc dd']);
    expect(wrapText('x '.repeat(3) + 'y'.repeat(25), 10, '  ')).toEqual(['  x x x', '  yyyyyyyy', '  yyyyyyyy', '  yyyyyyyy', '  y']);
    expect(wrapText('one\ntwo', 20)).toEqual(['one', 'two']);
  });

  it('truncates, pads and clips styled lines with an ellipsis', () => {
    expect(truncate('abcdef', 4)).toBe('abc…');
    expect(fit('ab', 4)).toBe('ab  ');
    const line = [seg('abc', { bold: true }), seg('defgh', { color: 'red' })];
    expect(lineText(clip(line, 6))).toBe('abcde…');
    expect(clip(line, 6)[1]).toEqual({ text: 'de', color: 'red' });
    expect(clip(line, 8)).toBe(line);
  });
});
