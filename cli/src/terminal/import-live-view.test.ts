import { describe, expect, it } from 'vitest';
import { importLiveView } from './import-live-view.js';

describe('importLiveView', () => {
  it('hides CI and CONTINUOUS_INTEGRATION while the view loads, then puts them back', async () => {
    const env: NodeJS.ProcessEnv = { CI: 'true', CONTINUOUS_INTEGRATION: '1', TERM: 'xterm' };
    const seen = await importLiveView(async () => ({ ...env }), env);
    expect(seen).toEqual({ TERM: 'xterm' });
    expect(env).toEqual({ CI: 'true', CONTINUOUS_INTEGRATION: '1', TERM: 'xterm' });
  });

  it('puts them back when loading fails, and adds none that were not set', async () => {
    const env: NodeJS.ProcessEnv = { CI: 'true' };
    await expect(importLiveView(() => Promise.reject(new Error('no view')), env)).rejects.toThrow('no view');
    expect(env).toEqual({ CI: 'true' });
    const bare: NodeJS.ProcessEnv = {};
    await importLiveView(async () => undefined, bare);
    expect(bare).toEqual({});
  });
});
