import type { Analysis, Analyze, AuditAction, AuditState, FileBuffer, SaveOutcome } from './audit-types.js';
import { activeFilter, dirtyFiles, findingIdentity, selectedFinding, selectVisible } from './audit-selectors.js';
import { cycleFilter, visibleFindings } from './filter-findings.js';
import { buildPreview, isPreview } from './fix-preview.js';

/** What the reducer needs from outside: re-linting edited texts (pure, in memory). */
export interface AuditReducerDeps {
  analyze: Analyze;
}

/** The state the audit opens with: the findings list, nothing filtered, nothing edited. */
export function initialAuditState(analysis: Analysis, buffers: FileBuffer[]): AuditState {
  return {
    analysis,
    buffers: Object.fromEntries(buffers.map((b) => [b.file, b])),
    undo: [],
    filter: { text: '' },
    draft: null,
    selected: 0,
    scroll: 0,
    screen: 'list',
    pane: 'findings',
    quit: false,
  };
}

const clamp = (n: number, max: number): number => Math.max(0, Math.min(n, max));

/**
 * The audit's state transitions: navigation, filtering, fix preview, apply,
 * undo and the bookkeeping after a save. Pure apart from `deps.analyze`,
 * which re-lints the edited texts in memory.
 */
export function createAuditReducer(deps: AuditReducerDeps): (state: AuditState, action: AuditAction) => AuditState {
  // A status message stays until the user moves on.
  const clears = new Set<AuditAction['type']>(['move', 'move-to', 'open', 'switch-pane', 'cycle', 'clear-filter', 'filter-start', 'next-finding', 'help']);
  return (state, action) => {
    const next = reduce(state, action);
    return next.status !== undefined && next.status === state.status && clears.has(action.type) ? { ...next, status: undefined } : next;
  };
  function reduce(s: AuditState, action: AuditAction): AuditState {
    const count = selectVisible(s).length;
    const listing = s.screen === 'list' && s.pane === 'findings';
    switch (action.type) {
      case 'move':
        if (listing) return { ...s, selected: clamp(s.selected + action.delta, count - 1) };
        return { ...s, scroll: clamp(s.scroll + action.delta, action.max ?? Number.MAX_SAFE_INTEGER) };
      case 'move-to':
        if (listing) return { ...s, selected: action.to === 'first' ? 0 : Math.max(0, count - 1) };
        return { ...s, scroll: action.to === 'first' ? 0 : (action.max ?? s.scroll) };
      case 'open':
        if (s.screen === 'diff') return reduce(s, { type: 'apply' });
        if (listing && count > 0) return { ...s, screen: 'detail', scroll: 0 };
        return s;
      case 'back':
        return back(s);
      case 'switch-pane':
        return { ...s, pane: s.pane === 'findings' ? 'summary' : 'findings', screen: 'list', scroll: 0, draft: null };
      case 'help':
        if (s.screen === 'help') return { ...s, screen: s.returnTo ?? 'list', scroll: 0 };
        return { ...s, returnTo: s.screen, screen: 'help', scroll: 0 };
      case 'filter-start':
        return { ...s, draft: s.filter.text, screen: 'list', pane: 'findings' };
      case 'filter-input':
        return s.draft === null ? s : { ...s, draft: s.draft + action.text, selected: 0 };
      case 'filter-backspace':
        return s.draft === null ? s : { ...s, draft: s.draft.slice(0, -1), selected: 0 };
      case 'filter-commit':
        return s.draft === null ? s : { ...s, filter: { ...s.filter, text: s.draft }, draft: null };
      case 'filter-cancel':
        return { ...s, draft: null, selected: 0 };
      case 'cycle':
        return { ...s, filter: cycleFilter(activeFilter(s), action.what, s.analysis.result.findings), draft: null, selected: 0, screen: 'list', pane: 'findings' };
      case 'clear-filter':
        return { ...s, filter: { text: '' }, draft: null, selected: 0 };
      case 'next-finding':
        return { ...s, selected: clamp(s.selected + action.delta, count - 1), scroll: 0 };
      case 'preview':
        return preview(s, action.scope);
      case 'apply':
        return apply(s, deps);
      case 'undo':
        return undo(s, deps);
      case 'save':
        return { ...s, saveRequest: { thenQuit: action.thenQuit === true } };
      case 'saved':
        return saved({ ...s, saveRequest: undefined }, action.outcomes, s.saveRequest?.thenQuit === true);
      case 'quit':
        if (dirtyFiles(s).length > 0 && s.screen !== 'confirm-quit') return { ...s, returnTo: s.screen, screen: 'confirm-quit' };
        return { ...s, quit: true };
      case 'quit-discard':
        return { ...s, quit: true };
    }
  }
}

function back(s: AuditState): AuditState {
  switch (s.screen) {
    case 'detail':
      return { ...s, screen: 'list', scroll: 0 };
    case 'diff':
      return { ...s, screen: s.preview?.from ?? 'list', preview: undefined, scroll: 0, status: { kind: 'info', text: 'change not applied' } };
    case 'help':
    case 'confirm-quit':
      return { ...s, screen: s.returnTo ?? 'list', scroll: 0 };
    default:
      if (s.draft !== null) return { ...s, draft: null };
      if (s.pane === 'summary') return { ...s, pane: 'findings', scroll: 0 };
      return activeFilter(s).text || s.filter.severity || s.filter.role || s.filter.file ? { ...s, filter: { text: '' }, selected: 0 } : s;
  }
}

function preview(s: AuditState, scope: 'finding' | 'file'): AuditState {
  const finding = selectedFinding(s);
  if (!finding) return { ...s, status: { kind: 'info', text: 'no finding selected' } };
  const from = s.screen === 'detail' ? 'detail' : 'list';
  const built = buildPreview(s.analysis.result, finding, scope, from);
  if (!isPreview(built)) return { ...s, status: built };
  return { ...s, preview: built, screen: 'diff', scroll: 0, status: undefined };
}

function apply(s: AuditState, deps: AuditReducerDeps): AuditState {
  const p = s.preview;
  const buffer = p ? s.buffers[p.file] : undefined;
  if (!p || !buffer) return s;
  if (buffer.text !== p.before) return { ...s, screen: 'list', preview: undefined, status: { kind: 'error', text: `${p.file} changed since the preview; preview again` } };
  const buffers = { ...s.buffers, [p.file]: { ...buffer, text: p.after } };
  const next = relint({ ...s, buffers, undo: [...s.undo, { file: p.file, text: p.before, description: p.description }] }, deps);
  return { ...next, screen: 'list', pane: 'findings', preview: undefined, scroll: 0, status: { kind: 'ok', text: `applied: ${p.description} (${p.file} unsaved: s save, u undo)` } };
}

function undo(s: AuditState, deps: AuditReducerDeps): AuditState {
  const last = s.undo[s.undo.length - 1];
  const buffer = last ? s.buffers[last.file] : undefined;
  if (!last || !buffer) return { ...s, status: { kind: 'info', text: 'nothing to undo' } };
  const buffers = { ...s.buffers, [last.file]: { ...buffer, text: last.text } };
  const next = relint({ ...s, buffers, undo: s.undo.slice(0, -1) }, deps);
  return { ...next, screen: next.screen === 'diff' ? 'list' : next.screen, preview: undefined, status: { kind: 'ok', text: `undone: ${last.description} (${last.file})` } };
}

/** Lints the edited texts again and keeps the cursor on the same finding when it survives. */
function relint(s: AuditState, deps: AuditReducerDeps): AuditState {
  const before = selectedFinding(s);
  const analysis = deps.analyze(Object.values(s.buffers).map((b) => ({ file: b.file, text: b.text })));
  const visible = visibleFindings(analysis.result.findings, activeFilter(s));
  const same = before ? visible.findIndex((f) => findingIdentity(f) === findingIdentity(before)) : -1;
  return { ...s, analysis, selected: same >= 0 ? same : clamp(s.selected, visible.length - 1) };
}

function saved(s: AuditState, outcomes: SaveOutcome[], thenQuit: boolean): AuditState {
  const buffers = { ...s.buffers };
  for (const o of outcomes) {
    const b = buffers[o.file];
    if (o.ok && b && o.text !== undefined) buffers[o.file] = { ...b, saved: o.text };
  }
  const conflicts = outcomes.filter((o) => o.conflict).map((o) => o.file);
  const failed = outcomes.filter((o) => !o.ok && !o.conflict);
  const written = outcomes.filter((o) => o.ok).map((o) => o.file);
  const next: AuditState = { ...s, buffers, saveConflict: conflicts.length > 0 ? conflicts : undefined };
  if (conflicts.length > 0) {
    return { ...next, screen: s.screen === 'confirm-quit' ? 'list' : s.screen, status: { kind: 'error', text: `${conflicts.join(', ')} changed on disk since it was read: s again overwrites` } };
  }
  if (failed.length > 0) return { ...next, status: { kind: 'error', text: failed.map((o) => `${o.file}: ${o.error}`).join('; ') } };
  if (written.length === 0) return { ...next, status: { kind: 'info', text: 'nothing to save' }, quit: thenQuit };
  return { ...next, status: { kind: 'ok', text: `saved ${written.join(', ')}` }, quit: thenQuit };
}
