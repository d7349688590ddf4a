import { StateMachine } from './state-machine.js';

/**
 * Lifecycle of the checkpoints of one transactional scope (one producer):
 * `idle` (no open checkpoint) -> `open` (outputs sent into a transaction)
 * -> `committing` -> `idle`, or -> `aborting` -> `idle`. `broken` means the
 * producer failed and must be recreated (fencing any zombie) before the scope's
 * partitions are reloaded from Kafka; `closed` is final.
 */
export const CheckpointState = {
  idle: 'idle',
  open: 'open',
  committing: 'committing',
  aborting: 'aborting',
  broken: 'broken',
  closed: 'closed',
} as const;

/** One of the {@link CheckpointState} values. */
export type CheckpointStateName = (typeof CheckpointState)[keyof typeof CheckpointState];

const C = CheckpointState;

/** Allowed transitions between checkpoint states. */
export const CHECKPOINT_TRANSITIONS: Readonly<Record<CheckpointStateName, readonly CheckpointStateName[]>> = {
  [C.idle]: [C.open, C.broken, C.closed],
  [C.open]: [C.committing, C.aborting, C.broken, C.closed],
  [C.committing]: [C.idle, C.aborting, C.broken, C.closed],
  [C.aborting]: [C.idle, C.broken, C.closed],
  [C.broken]: [C.idle, C.broken, C.closed],
  [C.closed]: [],
};

export function checkpointLifecycle(scope: string): StateMachine<CheckpointStateName> {
  return new StateMachine(`checkpoint of ${scope}`, C.idle, CHECKPOINT_TRANSITIONS);
}
