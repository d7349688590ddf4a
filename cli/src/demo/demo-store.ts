import { demoReducer, initialDemoState, type DemoAction, type DemoState } from './demo-state.js';

/** Holds the demo state; the Ink view subscribes, plain output listens to actions. */
export interface DemoStore {
  get(): DemoState;
  dispatch(action: DemoAction): void;
  /** Called after every change; returns the unsubscribe function. */
  subscribe(listener: () => void): () => void;
}

/** A store starting from {@link initialDemoState}. `onAction` sees each action with the state before it. */
export function createDemoStore(options: { records: number; client: DemoState['client']; nodes: number }, onAction?: (action: DemoAction, before: DemoState) => void): DemoStore {
  let state = initialDemoState(options);
  const listeners = new Set<() => void>();
  return {
    get: () => state,
    dispatch(action) {
      const before = state;
      state = demoReducer(state, action);
      onAction?.(action, before);
      for (const l of listeners) l();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
