import { describe, expect, it } from 'vitest';
import { keyToCommand, type KeyPress } from './audit-keys.js';
import type { AuditState } from './audit-types.js';
import { openAudit } from './open-audit.js';
import { splitKeys } from './split-keys.js';

const { initial } = openAudit([{ file: 'producer.properties', text: 'acks=1\n' }], {}, '/tmp');
const on = (patch: Partial<AuditState>): AuditState => ({ ...initial, ...patch });
const press = (state: AuditState, input: string, key: KeyPress = {}) => keyToCommand(input, key, state, 10, 7);

describe('audit > keys', () => {
  it('maps the list keys', () => {
    expect(press(initial, 'j')).toEqual({ type: 'move', delta: 1, max: 7 });
    expect(press(initial, '', { upArrow: true })).toEqual({ type: 'move', delta: -1, max: 7 });
    expect(press(initial, '', { pageDown: true })).toEqual({ type: 'move', delta: 10, max: 7 });
    expect(press(initial, 'G')).toEqual({ type: 'move-to', to: 'last', max: 7 });
    expect(press(initial, '', { return: true })).toEqual({ type: 'open' });
    expect(press(initial, '', { tab: true })).toEqual({ type: 'switch-pane' });
    expect(press(initial, '/')).toEqual({ type: 'filter-start' });
    expect(press(initial, '?')).toEqual({ type: 'help' });
    expect(press(initial, 'q')).toEqual({ type: 'quit' });
    expect(press(initial, 'v')).toEqual({ type: 'cycle', what: 'severity' });
    expect(press(initial, 'f')).toEqual({ type: 'preview', scope: 'finding' });
    expect(press(initial, 'F')).toEqual({ type: 'preview', scope: 'file' });
    expect(press(initial, 's')).toEqual({ type: 'save' });
    expect(press(initial, 'u')).toEqual({ type: 'undo' });
    expect(press(initial, '', { escape: true, meta: true })).toEqual({ type: 'back' });
    expect(press(initial, 'c', { ctrl: true })).toEqual({ type: 'quit-discard' });
  });

  it('turns typing into filter text while the filter is open', () => {
    const typing = on({ draft: 'ac' });
    expect(press(typing, 'q')).toEqual({ type: 'filter-input', text: 'q' });
    expect(press(typing, '', { return: true })).toEqual({ type: 'filter-commit' });
    expect(press(typing, '', { escape: true })).toEqual({ type: 'filter-cancel' });
    expect(press(typing, '', { backspace: true })).toEqual({ type: 'filter-backspace' });
    expect(press(typing, '', { downArrow: true })).toEqual({ type: 'move', delta: 1 });
  });

  it('applies or cancels in the diff, answers the quit prompt, leaves help', () => {
    expect(press(on({ screen: 'diff' }), 'a')).toEqual({ type: 'apply' });
    expect(press(on({ screen: 'diff' }), '', { return: true })).toEqual({ type: 'apply' });
    expect(press(on({ screen: 'diff' }), '', { escape: true })).toEqual({ type: 'back' });
    expect(press(on({ screen: 'confirm-quit' }), 's')).toEqual({ type: 'save', thenQuit: true });
    expect(press(on({ screen: 'confirm-quit' }), 'y')).toEqual({ type: 'quit-discard' });
    expect(press(on({ screen: 'confirm-quit' }), 'j')).toBeUndefined();
    expect(press(on({ screen: 'help' }), '', { escape: true })).toEqual({ type: 'help' });
    expect(press(on({ screen: 'detail' }), 'n')).toEqual({ type: 'next-finding', delta: 1 });
    expect(press(on({ screen: 'detail' }), '', { leftArrow: true })).toEqual({ type: 'back' });
  });

  it('splits text that arrives in one chunk into key presses', () => {
    expect(splitKeys('jj\r', {})).toEqual([{ input: 'j', key: {} }, { input: 'j', key: {} }, { input: '', key: { return: true } }]);
    expect(splitKeys('\t\u007f', {})).toEqual([{ input: '', key: { tab: true } }, { input: '', key: { backspace: true } }]);
    expect(splitKeys('G', { shift: true })).toEqual([{ input: 'G', key: { shift: true } }]);
    expect(splitKeys('', { upArrow: true })).toEqual([{ input: '', key: { upArrow: true } }]);
  });
});
