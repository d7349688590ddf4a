import { render } from 'ink';
import type { InitChoices } from './init-types.js';
import InitWizard from './InitWizard.js';
import type { InitWizardState } from './init-wizard-state.js';

/** Runs the init prompts on the terminal; resolves with their final state. Loads Ink on demand. */
export async function renderInitWizard(options: {
  given: Partial<InitChoices>;
  conflictsFor: (choices: InitChoices) => string[];
  color: boolean;
  terminal: { stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream };
}): Promise<InitWizardState> {
  let final: InitWizardState = { step: 'cancelled', cursor: 0, brokersText: '', conflicts: [] };
  const instance = render(<InitWizard given={options.given} conflictsFor={options.conflictsFor} color={options.color} onFinish={(s) => (final = s)} />, {
    stdin: options.terminal.stdin,
    stdout: options.terminal.stdout,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  await instance.waitUntilExit();
  instance.cleanup();
  return final;
}
