import { keyToCommand, type KeyPress } from './audit-keys.js';
import { createAuditReducer, type AuditReducerDeps } from './audit-reducer.js';
import type { AuditAction, AuditState } from './audit-types.js';
import { screenFrame } from './screen-body.js';

/** A key press with the terminal size it was pressed at (scroll limits depend on the layout). */
export interface KeyEvent {
  type: 'key';
  input: string;
  key: KeyPress;
  width: number;
  height: number;
}

/** Everything the app's reducer takes. */
export type AppEvent = AuditAction | KeyEvent;

/**
 * The app's reducer: keys are read against the latest state (keys typed
 * faster than React renders still land on the right screen), then handled as
 * audit actions.
 */
export function createAppReducer(deps: AuditReducerDeps): (state: AuditState, event: AppEvent) => AuditState {
  const audit = createAuditReducer(deps);
  return (state, event) => {
    if (event.type !== 'key') return audit(state, event);
    const frame = screenFrame(state, event.width, event.height);
    const action = keyToCommand(event.input, event.key, state, frame.page, frame.scrollMax);
    return action ? audit(state, action) : state;
  };
}
