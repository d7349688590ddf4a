import { EoskitError } from '@eoskit/core';

/**
 * A tiny explicit state machine: a current state and the transitions allowed
 * from each state. A forbidden transition is a bug in the caller, reported as
 * `TXN_STATE` with both states named.
 */
export class StateMachine<S extends string> {
  private current: S;

  constructor(
    private readonly what: string,
    initial: S,
    private readonly allowed: Readonly<Record<S, readonly S[]>>,
  ) {
    this.current = initial;
  }

  get state(): S {
    return this.current;
  }

  is(...states: S[]): boolean {
    return states.includes(this.current);
  }

  can(next: S): boolean {
    return this.allowed[this.current].includes(next);
  }

  /** Moves to `next`; throws `TXN_STATE` when the transition is not allowed. */
  to(next: S): void {
    if (!this.can(next)) {
      throw new EoskitError('TXN_STATE', `${this.what} cannot go from ${this.current} to ${next}`);
    }
    this.current = next;
  }
}
