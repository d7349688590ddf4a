import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { InitChoices } from './init-types.js';
import InitWizard from './InitWizard.js';
import type { InitWizardState } from './init-wizard-state.js';

let unmounts: Array<() => void> = [];
afterEach(() => {
  for (const u of unmounts.splice(0)) u();
});

function mount(given: Partial<InitChoices> = {}, conflictsFor: (c: InitChoices) => string[] = () => []) {
  const finished: InitWizardState[] = [];
  const app = render(<InitWizard given={given} conflictsFor={conflictsFor} color={false} onFinish={(s) => finished.push(s)} />);
  unmounts.push(app.unmount);
  const press = async (...keys: string[]) => {
    for (const k of keys) {
      app.stdin.write(k);
      await new Promise((r) => setTimeout(r, 5));
    }
  };
  const see = (text: string) => vi.waitFor(() => expect(app.lastFrame()).toContain(text), { timeout: 5000, interval: 20 });
  return { app, press, see, finished };
}

describe('init > prompts', () => {
  it('lists the clients, then asks the broker count, and finishes with the choices', async () => {
    const { app, press, see, finished } = mount();
    expect(app.lastFrame()).toContain('› Java client');
    expect(app.lastFrame()).toContain('Flink SQL');
    await press('\u001b[B', '\u001b[B');
    await see('› @confluentinc/kafka-javascript');
    await press('\r');
    await see('How many brokers? 3');
    await press('\u007f', '5', '\r');
    await vi.waitFor(() => expect(finished).toHaveLength(1));
    expect(finished[0]).toMatchObject({ step: 'done', client: 'confluent', brokers: 5 });
  });

  it('shows the files it would overwrite and waits for y', async () => {
    const { press, see, finished } = mount({ client: 'java', brokers: 3 }, () => ['producer.properties', 'eos.yaml']);
    await see('These files exist and would be overwritten:');
    await see('  producer.properties');
    await see('Overwrite them? (y/N)');
    expect(finished).toHaveLength(0);
    await press('y');
    await vi.waitFor(() => expect(finished[0]?.step).toBe('done'));
  });

  it('cancels on Esc', async () => {
    const { press, finished } = mount();
    await press('\u001b');
    await vi.waitFor(() => expect(finished[0]?.step).toBe('cancelled'));
  });
});
