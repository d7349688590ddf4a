import { useEffect, useMemo, useReducer } from 'react';
import { createAppReducer, type AppEvent } from './app-reducer.js';
import { dirtyFiles } from './audit-selectors.js';
import type { Analyze, AuditState } from './audit-types.js';
import { saveBuffers, type SaveIo } from './save-buffers.js';

/** Options of {@link useAudit}. */
export interface UseAuditOptions {
  initial: AuditState;
  analyze: Analyze;
  io: SaveIo;
  /** Called once when the user quits, with the final state. */
  onQuit: (state: AuditState) => void;
}

/** The audit's state and its effects: saving files when asked, quitting. */
export function useAudit({ initial, analyze, io, onQuit }: UseAuditOptions): { state: AuditState; send: (event: AppEvent) => void } {
  const reducer = useMemo(() => createAppReducer({ analyze }), [analyze]);
  const [state, send] = useReducer(reducer, initial);
  useEffect(() => {
    if (!state.saveRequest) return;
    send({ type: 'saved', outcomes: saveBuffers(dirtyFiles(state), io, state.saveConflict !== undefined) });
  }, [state.saveRequest]); // eslint-disable-line react-hooks/exhaustive-deps -- one save per request
  useEffect(() => {
    if (state.quit) onQuit(state);
  }, [state.quit]); // eslint-disable-line react-hooks/exhaustive-deps -- quit once
  return { state, send };
}
