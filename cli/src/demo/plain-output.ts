import { actionText, type DemoAction, type DemoState } from './demo-state.js';
import { progressLine, stamp } from './demo-lines.js';

/** Seconds between two progress lines in plain output. */
const PROGRESS_EVERY_MS = 2000;

/**
 * Plain-line output: one line per logged action, a progress line every two
 * seconds while the pipelines run. Returns the store's `onAction` hook.
 */
export function plainOutput(write: (line: string) => void): (action: DemoAction, before: DemoState) => void {
  let lastProgress = 0;
  return (action, before) => {
    const text = actionText(action, before);
    if (text !== undefined) write(`${stamp(action.atMs)} ${text}`);
    if (action.type === 'tick' && before.phase === 'running' && action.atMs - lastProgress >= PROGRESS_EVERY_MS) {
      lastProgress = action.atMs;
      write(`${stamp(action.atMs)} ${progressLine(before)}`);
    }
  };
}
