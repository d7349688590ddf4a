import { describe, expect, it } from 'vitest';
import { CHECKPOINT_TRANSITIONS, checkpointLifecycle } from './checkpoint-state.js';
import { PROCESSOR_TRANSITIONS, processorLifecycle } from './processor-state.js';

describe('processor > state machines', () => {
  it('walks a checkpoint through open, commit and abort, and refuses skipping a step', () => {
    const c = checkpointLifecycle('p-0');
    c.to('open');
    c.to('committing');
    c.to('idle');
    c.to('open');
    c.to('aborting');
    c.to('idle');
    expect(() => c.to('committing')).toThrow(expect.objectContaining({ code: 'TXN_STATE', message: 'checkpoint of p-0 cannot go from idle to committing' }));
  });

  it('ends in closed and stopped/failed, which allow nothing', () => {
    expect(CHECKPOINT_TRANSITIONS.closed).toEqual([]);
    expect(PROCESSOR_TRANSITIONS.stopped).toEqual([]);
    expect(PROCESSOR_TRANSITIONS.failed).toEqual([]);
    const p = processorLifecycle();
    expect(p.can('running')).toBe(false);
    p.to('starting');
    p.to('running');
    p.to('stopping');
    p.to('stopped');
    expect(p.is('stopped')).toBe(true);
  });
});
