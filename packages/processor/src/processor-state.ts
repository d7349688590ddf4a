import { StateMachine } from './state-machine.js';

/** Lifecycle of a processor. */
export const ProcessorState = {
  created: 'created',
  starting: 'starting',
  running: 'running',
  stopping: 'stopping',
  stopped: 'stopped',
  failed: 'failed',
} as const;

/** One of the {@link ProcessorState} values. */
export type ProcessorStateName = (typeof ProcessorState)[keyof typeof ProcessorState];

const S = ProcessorState;

/** Allowed transitions: start once, stop from anywhere, fail while starting, running or stopping. */
export const PROCESSOR_TRANSITIONS: Readonly<Record<ProcessorStateName, readonly ProcessorStateName[]>> = {
  [S.created]: [S.starting, S.stopped],
  [S.starting]: [S.running, S.stopping, S.failed],
  [S.running]: [S.stopping, S.failed],
  [S.stopping]: [S.stopped, S.failed],
  [S.stopped]: [],
  [S.failed]: [],
};

export function processorLifecycle(): StateMachine<ProcessorStateName> {
  return new StateMachine('processor', S.created, PROCESSOR_TRANSITIONS);
}
