import type { AuditAction, AuditState } from './audit-types.js';

/** The parts of Ink's key object the audit reads (so key handling is tested without Ink). */
export interface KeyPress {
  upArrow?: boolean;
  downArrow?: boolean;
  leftArrow?: boolean;
  rightArrow?: boolean;
  pageUp?: boolean;
  pageDown?: boolean;
  home?: boolean;
  end?: boolean;
  return?: boolean;
  escape?: boolean;
  tab?: boolean;
  backspace?: boolean;
  delete?: boolean;
  ctrl?: boolean;
  meta?: boolean;
  shift?: boolean;
}

/** Keys, screen by screen; the help screen and the README are written from this table. */
export const KEY_HELP: ReadonlyArray<readonly [string, string]> = [
  ['↑ ↓  j k', 'move / scroll (PgUp PgDn, g G: page, first, last)'],
  ['Enter', 'open the finding (in a fix preview: apply)'],
  ['Esc', 'back (in the list: clear the filter)'],
  ['Tab', 'switch between findings and summary'],
  ['/', 'filter: words, sev:error, role:producer, file:name'],
  ['v r p', 'cycle severity, role, file filter (c clears)'],
  ['n N', 'next / previous finding (detail)'],
  ['f', 'preview the fix of the finding as a diff'],
  ['F', 'preview every fix of the finding\'s file'],
  ['a', 'apply the previewed change (in memory, re-linted)'],
  ['u', 'undo the last applied change'],
  ['s', 'save changed files (comments kept)'],
  ['?', 'help'],
  ['q', 'quit (asks when changes are unsaved)'],
];

/**
 * Maps a key press to a command for the current screen. `scrollMax` is the
 * last scroll position of a scrolling screen (computed by the view).
 */
export function keyToCommand(input: string, key: KeyPress, state: AuditState, page: number, scrollMax: number): AuditAction | undefined {
  if (key.ctrl && input === 'c') return { type: 'quit-discard' };
  if (state.draft !== null) return filterKey(input, key);
  if (state.screen === 'confirm-quit') {
    if (input === 's') return { type: 'save', thenQuit: true };
    if (input === 'y' || input === 'q' || input === 'd') return { type: 'quit-discard' };
    if (key.escape || input === 'n') return { type: 'back' };
    return undefined;
  }
  if (state.screen === 'help') return key.escape || input === '?' || input === 'q' || key.return ? { type: 'help' } : scrolling(input, key, page, scrollMax);
  if (state.screen === 'diff') {
    if (key.return || input === 'a' || input === 'y') return { type: 'apply' };
    if (key.escape || input === 'n' || key.backspace || key.leftArrow) return { type: 'back' };
  }
  const common = commonKey(input, key);
  if (common) return common;
  if (state.screen === 'detail') {
    if (key.escape || key.backspace || key.leftArrow || input === 'h') return { type: 'back' };
    if (input === 'n') return { type: 'next-finding', delta: 1 };
    if (input === 'N') return { type: 'next-finding', delta: -1 };
  }
  if (state.screen === 'list' && key.escape) return { type: 'back' };
  if (key.return) return { type: 'open' };
  return scrolling(input, key, page, scrollMax);
}

function commonKey(input: string, key: KeyPress): AuditAction | undefined {
  if (key.tab) return { type: 'switch-pane' };
  if (key.ctrl || key.meta) return undefined;
  switch (input) {
    case 'q': return { type: 'quit' };
    case '?': return { type: 'help' };
    case '/': return { type: 'filter-start' };
    case 'v': return { type: 'cycle', what: 'severity' };
    case 'r': return { type: 'cycle', what: 'role' };
    case 'p': return { type: 'cycle', what: 'file' };
    case 'c': return { type: 'clear-filter' };
    case 'f': return { type: 'preview', scope: 'finding' };
    case 'F': return { type: 'preview', scope: 'file' };
    case 'u': return { type: 'undo' };
    case 's': return { type: 'save' };
    default: return undefined;
  }
}

function scrolling(input: string, key: KeyPress, page: number, max: number): AuditAction | undefined {
  if (key.upArrow || input === 'k') return { type: 'move', delta: -1, max };
  if (key.downArrow || input === 'j') return { type: 'move', delta: 1, max };
  if (key.pageUp) return { type: 'move', delta: -page, max };
  if (key.pageDown || input === ' ') return { type: 'move', delta: page, max };
  if (key.home || input === 'g') return { type: 'move-to', to: 'first', max };
  if (key.end || input === 'G') return { type: 'move-to', to: 'last', max };
  return undefined;
}

function filterKey(input: string, key: KeyPress): AuditAction | undefined {
  if (key.return) return { type: 'filter-commit' };
  if (key.escape) return { type: 'filter-cancel' };
  if (key.backspace || key.delete) return { type: 'filter-backspace' };
  if (key.upArrow) return { type: 'move', delta: -1 };
  if (key.downArrow) return { type: 'move', delta: 1 };
  if (key.ctrl || key.meta || key.tab || input === '') return undefined;
  // Pasted text arrives as one string; control characters are dropped.
  const text = input.replace(/[\u0000-\u001f\u007f]/g, '');
  return text ? { type: 'filter-input', text } : undefined;
}
