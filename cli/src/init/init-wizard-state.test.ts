import { describe, expect, it } from 'vitest';
import { createInitReducer, initialWizardState, initKeyAction, type InitWizardAction, type InitWizardState } from './init-wizard-state.js';
import type { InitChoices } from './init-types.js';

const none = () => [];
const run = (conflicts: (c: InitChoices) => string[], state: InitWizardState, ...actions: InitWizardAction[]) => actions.reduce(createInitReducer(conflicts), state);

describe('init > prompts state', () => {
  it('asks the client, then the broker count, then is done', () => {
    const start = initialWizardState({}, none);
    expect(start.step).toBe('client');
    const brokers = run(none, start, { type: 'move', delta: 1 }, { type: 'enter' });
    expect(brokers).toMatchObject({ step: 'brokers', client: 'kafkajs', brokersText: '3' });
    const done = run(none, brokers, { type: 'backspace' }, { type: 'type', text: '5' }, { type: 'enter' });
    expect(done).toMatchObject({ step: 'done', client: 'kafkajs', brokers: 5 });
  });

  it('wraps around the client list and skips questions answered by flags', () => {
    expect(run(none, initialWizardState({}, none), { type: 'move', delta: -1 }).cursor).toBe(6);
    expect(initialWizardState({ client: 'streams' }, none).step).toBe('brokers');
    expect(initialWizardState({ client: 'streams', brokers: 1 }, none)).toMatchObject({ step: 'done', brokersText: '1' });
  });

  it('refuses a broker count below 1', () => {
    const state = run(none, initialWizardState({ client: 'java' }, none), { type: 'backspace' }, { type: 'type', text: '0' }, { type: 'enter' });
    expect(state.step).toBe('brokers');
    expect(state.error).toMatch(/1 or more/);
    expect(run(none, state, { type: 'backspace' }, { type: 'enter' }).error).toMatch(/1 or more/);
  });

  it('asks before overwriting existing files; Enter and n keep them', () => {
    const conflicts = (c: InitChoices) => (c.client === 'java' ? ['server.properties'] : []);
    const ask = initialWizardState({ client: 'java', brokers: 3 }, conflicts);
    expect(ask).toMatchObject({ step: 'confirm', conflicts: ['server.properties'] });
    expect(run(conflicts, ask, { type: 'answer', yes: true }).step).toBe('done');
    expect(run(conflicts, ask, { type: 'answer', yes: false }).step).toBe('cancelled');
    expect(run(conflicts, ask, { type: 'enter' }).step).toBe('cancelled');
    expect(run(conflicts, initialWizardState({}, conflicts), { type: 'cancel' }).step).toBe('cancelled');
  });

  it('maps keys', () => {
    expect(initKeyAction('', { escape: true })).toEqual({ type: 'cancel' });
    expect(initKeyAction('j', {})).toEqual({ type: 'move', delta: 1 });
    expect(initKeyAction('Y', {})).toEqual({ type: 'answer', yes: true });
    expect(initKeyAction('7', {})).toEqual({ type: 'type', text: '7' });
    expect(initKeyAction('x', {})).toBeUndefined();
  });
});
