import { describe, expect, it } from 'vitest';
import { createAuditReducer } from './audit-reducer.js';
import { dirtyFiles, selectedFinding, selectVisible } from './audit-selectors.js';
import type { AuditAction, AuditState } from './audit-types.js';
import { openAudit } from './open-audit.js';

const PRODUCER = '# orders writer\nacks=1\ntransactional.id=orders-0\n# keep it short\ntransaction.timeout.ms=1200000\n';
const SERVER = 'process.roles=broker\nmin.insync.replicas=1\nunclean.leader.election.enable=true\n';

function setup(files: Record<string, string> = { 'producer.properties': PRODUCER, 'server.properties': SERVER }) {
  const { initial, analyze } = openAudit(Object.entries(files).map(([file, text]) => ({ file, text })), {}, '/tmp/audit');
  const reduce = createAuditReducer({ analyze });
  const run = (state: AuditState, ...actions: AuditAction[]) => actions.reduce(reduce, state);
  return { initial, run };
}

const ids = (state: AuditState) => selectVisible(state).map((f) => f.ruleId);

describe('audit > reducer > navigation', () => {
  it('opens on the findings list with the first finding selected', () => {
    const { initial } = setup();
    expect(initial.screen).toBe('list');
    expect(initial.pane).toBe('findings');
    expect(selectedFinding(initial)?.ruleId).toBe('producer-acks-not-all');
  });

  it('moves the selection within the list and stops at its ends', () => {
    const { initial, run } = setup();
    const count = selectVisible(initial).length;
    expect(run(initial, { type: 'move', delta: -1 }).selected).toBe(0);
    expect(run(initial, { type: 'move', delta: 2 }).selected).toBe(2);
    expect(run(initial, { type: 'move', delta: 100 }).selected).toBe(count - 1);
    expect(run(initial, { type: 'move-to', to: 'last' }, { type: 'move-to', to: 'first' }).selected).toBe(0);
  });

  it('opens the detail of the selected finding and goes back, and scrolls there within the limit given', () => {
    const { initial, run } = setup();
    const detail = run(initial, { type: 'move', delta: 1 }, { type: 'open' });
    expect(detail.screen).toBe('detail');
    expect(run(detail, { type: 'move', delta: 5, max: 3 }).scroll).toBe(3);
    expect(run(detail, { type: 'next-finding', delta: 1 }).selected).toBe(2);
    expect(run(detail, { type: 'back' }).screen).toBe('list');
  });

  it('switches panes with Tab and returns from help to the screen it was opened on', () => {
    const { initial, run } = setup();
    expect(run(initial, { type: 'switch-pane' }).pane).toBe('summary');
    expect(run(initial, { type: 'switch-pane' }, { type: 'switch-pane' }).pane).toBe('findings');
    const help = run(initial, { type: 'open' }, { type: 'help' });
    expect(help.screen).toBe('help');
    expect(run(help, { type: 'help' }).screen).toBe('detail');
  });
});

describe('audit > reducer > clean configs', () => {
  it('has nothing to open or fix when there is no finding', () => {
    const { initial, run } = setup({ 'producer.properties': 'acks=all\n' });
    expect(selectVisible(initial)).toEqual([]);
    expect(run(initial, { type: 'open' }).screen).toBe('list');
    expect(run(initial, { type: 'move', delta: 1 }).selected).toBe(0);
    expect(run(initial, { type: 'preview', scope: 'finding' }).status).toEqual({ kind: 'info', text: 'no finding selected' });
  });
});

describe('audit > reducer > filtering', () => {
  it('filters live while typing, keeps the filter on Enter and restores it on Esc', () => {
    const { initial, run } = setup();
    const typing = run(initial, { type: 'filter-start' }, { type: 'filter-input', text: 'uncl' });
    expect(ids(typing)).toEqual(['unclean-leader-election-enabled']);
    expect(ids(run(typing, { type: 'filter-commit' }))).toEqual(['unclean-leader-election-enabled']);
    expect(run(typing, { type: 'filter-cancel' }).filter.text).toBe('');
    expect(ids(run(typing, { type: 'filter-backspace' }, { type: 'filter-backspace' }, { type: 'filter-backspace' }))).toContain('min-insync-replicas-too-low');
  });

  it('understands sev:, role: and file: in the filter text', () => {
    const { initial, run } = setup();
    const state = run(initial, { type: 'filter-start' }, { type: 'filter-input', text: 'role:broker sev:error' }, { type: 'filter-commit' });
    expect(ids(state).sort()).toEqual(['min-insync-replicas-too-low', 'unclean-leader-election-enabled']);
    const byFile = run(initial, { type: 'filter-start' }, { type: 'filter-input', text: 'file:producer' }, { type: 'filter-commit' });
    expect(selectVisible(byFile).every((f) => f.file === 'producer.properties')).toBe(true);
  });

  it('cycles severity, role and file filters through the values present, and clears them', () => {
    const { initial, run } = setup();
    const errors = run(initial, { type: 'cycle', what: 'severity' });
    expect(errors.filter.severity).toBe('error');
    expect(selectVisible(errors).every((f) => f.severity === 'error')).toBe(true);
    const producer = run(initial, { type: 'cycle', what: 'role' });
    expect(producer.filter.role).toBe('producer');
    const server = run(initial, { type: 'cycle', what: 'file' }, { type: 'cycle', what: 'file' });
    expect(server.filter.file).toBe('server.properties');
    expect(run(server, { type: 'cycle', what: 'file' }).filter.file).toBeUndefined();
    expect(run(errors, { type: 'clear-filter' }).filter).toEqual({ text: '' });
    expect(run(errors, { type: 'back' }).filter).toEqual({ text: '' });
  });
});

describe('audit > reducer > fixes', () => {
  it('previews a fix as before/after text without changing the file', () => {
    const { initial, run } = setup();
    const state = run(initial, { type: 'preview', scope: 'finding' });
    expect(state.screen).toBe('diff');
    expect(state.preview).toMatchObject({ file: 'producer.properties', kind: 'fix', description: 'set acks=all' });
    expect(state.preview?.after).toContain('acks=all');
    expect(state.buffers['producer.properties']?.text).toBe(PRODUCER);
  });

  it('applies in memory, re-lints, and undoes', () => {
    const { initial, run } = setup();
    const applied = run(initial, { type: 'preview', scope: 'finding' }, { type: 'apply' });
    expect(applied.screen).toBe('list');
    expect(applied.buffers['producer.properties']?.text).toBe(PRODUCER.replace('acks=1', 'acks=all'));
    expect(applied.buffers['producer.properties']?.text).toContain('# keep it short');
    expect(ids(applied)).not.toContain('producer-acks-not-all');
    expect(dirtyFiles(applied).map((b) => b.file)).toEqual(['producer.properties']);
    const undone = run(applied, { type: 'undo' });
    expect(undone.buffers['producer.properties']?.text).toBe(PRODUCER);
    expect(ids(undone)).toContain('producer-acks-not-all');
    expect(dirtyFiles(undone)).toEqual([]);
    expect(run(undone, { type: 'undo' }).status?.text).toBe('nothing to undo');
  });

  it('keeps the cursor on the same finding when a re-lint moves it in the list', () => {
    const { initial, run } = setup();
    const applied = run(initial, { type: 'preview', scope: 'finding' }, { type: 'apply' });
    const follower = selectedFinding(applied);
    expect(applied.selected).toBe(0);
    expect(follower?.ruleId).not.toBe('producer-acks-not-all');
    // Undo brings producer-acks-not-all back above it: the cursor follows the finding, not the index.
    const undone = run(applied, { type: 'undo' });
    expect(undone.selected).toBeGreaterThan(0);
    expect(selectedFinding(undone)?.ruleId).toBe(follower?.ruleId);
  });

  it('previews every fix of a file at once', () => {
    const { initial, run } = setup();
    const state = run(initial, { type: 'cycle', what: 'file' }, { type: 'cycle', what: 'file' }, { type: 'preview', scope: 'file' });
    expect(state.preview?.kind).toBe('file');
    expect(state.preview?.resolves.length).toBeGreaterThan(0);
    expect(state.preview?.after).toContain('unclean.leader.election.enable=false');
  });

  it('previews a suggestion when there is no fix, and says so when there is neither', () => {
    const { initial, run } = setup();
    const suggestion = run(initial, { type: 'filter-start' }, { type: 'filter-input', text: 'transaction-timeout' }, { type: 'filter-commit' }, { type: 'preview', scope: 'finding' });
    expect(suggestion.preview?.kind).toBe('suggestion');
    expect(suggestion.preview?.after).toContain('transaction.timeout.ms=900000');
    const none = run(initial, { type: 'filter-start' }, { type: 'filter-input', text: 'idempotence-conflict' }, { type: 'filter-commit' }, { type: 'preview', scope: 'finding' });
    expect(none.screen).toBe('list');
    expect(none.status?.text).toMatch(/^no automatic change for producer-idempotence-conflict/);
  });

  it('cancels a preview with Esc and leaves the text alone', () => {
    const { initial, run } = setup();
    const state = run(initial, { type: 'open' }, { type: 'preview', scope: 'finding' }, { type: 'back' });
    expect(state.screen).toBe('detail');
    expect(state.preview).toBeUndefined();
    expect(dirtyFiles(state)).toEqual([]);
  });
});

describe('audit > reducer > save and quit', () => {
  it('records a save request, and marks files saved from the outcomes', () => {
    const { initial, run } = setup();
    const applied = run(initial, { type: 'preview', scope: 'finding' }, { type: 'apply' }, { type: 'save' });
    expect(applied.saveRequest).toEqual({ thenQuit: false });
    const text = applied.buffers['producer.properties']?.text;
    const saved = run(applied, { type: 'saved', outcomes: [{ file: 'producer.properties', ok: true, text }] });
    expect(saved.saveRequest).toBeUndefined();
    expect(dirtyFiles(saved)).toEqual([]);
    expect(saved.status).toEqual({ kind: 'ok', text: 'saved producer.properties' });
  });

  it('reports a file changed on disk as a conflict and keeps it unsaved', () => {
    const { initial, run } = setup();
    const state = run(initial, { type: 'preview', scope: 'finding' }, { type: 'apply' }, { type: 'save' }, { type: 'saved', outcomes: [{ file: 'producer.properties', ok: false, conflict: true }] });
    expect(state.saveConflict).toEqual(['producer.properties']);
    expect(state.status?.kind).toBe('error');
    expect(dirtyFiles(state)).toHaveLength(1);
  });

  it('asks before quitting with unsaved changes; saving from the prompt quits once saved', () => {
    const { initial, run } = setup();
    expect(run(initial, { type: 'quit' }).quit).toBe(true);
    const prompt = run(initial, { type: 'preview', scope: 'finding' }, { type: 'apply' }, { type: 'quit' });
    expect(prompt.screen).toBe('confirm-quit');
    expect(prompt.quit).toBe(false);
    expect(run(prompt, { type: 'back' }).screen).toBe('list');
    expect(run(prompt, { type: 'quit-discard' }).quit).toBe(true);
    const saving = run(prompt, { type: 'save', thenQuit: true });
    const text = saving.buffers['producer.properties']?.text;
    expect(run(saving, { type: 'saved', outcomes: [{ file: 'producer.properties', ok: true, text }] }).quit).toBe(true);
  });
});
