import type { KeyPress } from '../audit/audit-keys.js';
import { INIT_CLIENTS } from './init-clients.js';
import type { InitChoices, InitClient } from './init-types.js';

/** Steps of the init prompts. */
export type InitStep = 'client' | 'brokers' | 'confirm' | 'done' | 'cancelled';

/** State of the init prompts. */
export interface InitWizardState {
  step: InitStep;
  /** Highlighted client in the list. */
  cursor: number;
  client?: InitClient;
  /** Broker count as typed. */
  brokersText: string;
  brokers?: number;
  /** Existing files the choices would overwrite (asked about in `confirm`). */
  conflicts: string[];
  error?: string;
}

/** What the prompts do. */
export type InitWizardAction =
  | { type: 'move'; delta: number }
  | { type: 'enter' }
  | { type: 'type'; text: string }
  | { type: 'backspace' }
  | { type: 'answer'; yes: boolean }
  | { type: 'cancel' };

/** Maps a key press to a prompt action (the reducer ignores what a step does not use). */
export function initKeyAction(input: string, key: KeyPress): InitWizardAction | undefined {
  if (key.escape || (key.ctrl && input === 'c')) return { type: 'cancel' };
  if (key.upArrow || input === 'k') return { type: 'move', delta: -1 };
  if (key.downArrow || input === 'j') return { type: 'move', delta: 1 };
  if (key.return) return { type: 'enter' };
  if (key.backspace || key.delete) return { type: 'backspace' };
  if (/^[yn]$/i.test(input)) return { type: 'answer', yes: input.toLowerCase() === 'y' };
  if (/^\d$/.test(input)) return { type: 'type', text: input };
  return undefined;
}

/** Starts at the first question not answered by flags. */
export function initialWizardState(given: Partial<InitChoices>, conflictsFor: (choices: InitChoices) => string[]): InitWizardState {
  const base: InitWizardState = { step: 'client', cursor: 0, brokersText: '3', conflicts: [], ...given };
  if (given.brokers !== undefined) base.brokersText = String(given.brokers);
  return advance(base, conflictsFor);
}

/** Moves to the next unanswered question, the overwrite question, or done. */
function advance(s: InitWizardState, conflictsFor: (choices: InitChoices) => string[]): InitWizardState {
  if (!s.client) return { ...s, step: 'client' };
  if (s.brokers === undefined) return { ...s, step: 'brokers' };
  const conflicts = conflictsFor({ client: s.client, brokers: s.brokers });
  return { ...s, conflicts, step: conflicts.length > 0 ? 'confirm' : 'done' };
}

/** The prompts' transitions; `conflictsFor` lists existing files the choices would overwrite. */
export function createInitReducer(conflictsFor: (choices: InitChoices) => string[]): (s: InitWizardState, a: InitWizardAction) => InitWizardState {
  return (s, a) => {
    if (a.type === 'cancel') return { ...s, step: 'cancelled' };
    switch (s.step) {
      case 'client':
        if (a.type === 'move') return { ...s, cursor: (s.cursor + a.delta + INIT_CLIENTS.length) % INIT_CLIENTS.length };
        if (a.type === 'enter') return advance({ ...s, client: INIT_CLIENTS[s.cursor]?.id }, conflictsFor);
        return s;
      case 'brokers': {
        if (a.type === 'type') return /^\d+$/.test(a.text) ? { ...s, brokersText: (s.brokersText + a.text).slice(0, 4), error: undefined } : { ...s, error: 'digits only' };
        if (a.type === 'backspace') return { ...s, brokersText: s.brokersText.slice(0, -1), error: undefined };
        if (a.type !== 'enter') return s;
        const n = Number(s.brokersText);
        if (!Number.isInteger(n) || n < 1) return { ...s, error: 'enter a number of brokers, 1 or more' };
        return advance({ ...s, brokers: n, error: undefined }, conflictsFor);
      }
      case 'confirm':
        if (a.type === 'answer') return { ...s, step: a.yes ? 'done' : 'cancelled' };
        // (y/N): Enter keeps the files.
        if (a.type === 'enter') return { ...s, step: 'cancelled' };
        return s;
      default:
        return s;
    }
  };
}
