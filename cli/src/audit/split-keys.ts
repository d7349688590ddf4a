import type { KeyPress } from './audit-keys.js';

const NONE: KeyPress = {};

/**
 * Ink hands text that arrives in one chunk (a paste, or keys sent faster than
 * they are read, as tmux send-keys does) to the input handler at once. The
 * audit's keys are single characters, so such text is split into one key
 * press per character, with Enter, Tab and Backspace recognised.
 */
export function splitKeys(input: string, key: KeyPress): Array<{ input: string; key: KeyPress }> {
  const special = Object.entries(key).some(([name, on]) => on === true && name !== 'shift');
  const chars = [...input];
  if (special || chars.length <= 1) return [{ input, key }];
  return chars.map((ch) => {
    if (ch === '\r' || ch === '\n') return { input: '', key: { return: true } };
    if (ch === '\t') return { input: '', key: { tab: true } };
    if (ch === '\u007f' || ch === '\b') return { input: '', key: { backspace: true } };
    return { input: ch, key: NONE };
  });
}
