import { Box, Text, useApp, useInput } from 'ink';
import { useEffect, useMemo, useReducer } from 'react';
import { INIT_CLIENTS } from './init-clients.js';
import type { InitChoices } from './init-types.js';
import { createInitReducer, initialWizardState, initKeyAction, type InitWizardState } from './init-wizard-state.js';
import { splitKeys } from '../audit/split-keys.js';

/** Props of {@link InitWizard}. */
export interface InitWizardProps {
  /** Answers already given by flags (those questions are skipped). */
  given: Partial<InitChoices>;
  /** Existing files the choices would overwrite. */
  conflictsFor: (choices: InitChoices) => string[];
  /** Called once with the final state (done or cancelled). */
  onFinish: (state: InitWizardState) => void;
  /** False under NO_COLOR. */
  color: boolean;
}

/** The init prompts: client, broker count, and whether to overwrite existing files. */
export default function InitWizard({ given, conflictsFor, onFinish, color }: InitWizardProps) {
  const reducer = useMemo(() => createInitReducer(conflictsFor), [conflictsFor]);
  const [state, send] = useReducer(reducer, undefined, () => initialWizardState(given, conflictsFor));
  const { exit } = useApp();
  const finished = state.step === 'done' || state.step === 'cancelled';
  useEffect(() => {
    if (!finished) return;
    onFinish(state);
    exit();
  }, [finished]); // eslint-disable-line react-hooks/exhaustive-deps -- finish once
  useInput((input, key) => {
    for (const press of splitKeys(input, key)) {
      const action = initKeyAction(press.input, press.key);
      if (action) send(action);
    }
  });
  const accent = color ? 'cyan' : undefined;
  return (
    <Box flexDirection="column">
      <Text bold>eos-lint init: exactly-once configs that lint clean</Text>
      {state.step === 'client' && (
        <Box flexDirection="column">
          <Text>Which client? (↑↓ Enter, Esc cancels)</Text>
          {INIT_CLIENTS.map((c, i) => (
            <Text key={c.id} wrap="truncate-end" color={i === state.cursor ? accent : undefined} inverse={i === state.cursor}>
              {i === state.cursor ? '› ' : '  '}
              {c.label.padEnd(34)}
              <Text dimColor={color}>{c.hint}</Text>
            </Text>
          ))}
        </Box>
      )}
      {state.client && <Text>Client: {INIT_CLIENTS.find((c) => c.id === state.client)?.label}</Text>}
      {state.step === 'brokers' && (
        <Box flexDirection="column">
          <Text>
            How many brokers? <Text bold>{state.brokersText}</Text>█ (Enter)
          </Text>
          {state.error && <Text color={color ? 'red' : undefined}>{state.error}</Text>}
        </Box>
      )}
      {state.brokers !== undefined && <Text>Brokers: {state.brokers}{state.brokers < 3 ? ' (below 3: replication is reduced, fine for development only)' : ''}</Text>}
      {state.step === 'confirm' && (
        <Box flexDirection="column">
          <Text color={color ? 'yellow' : undefined}>These files exist and would be overwritten:</Text>
          {state.conflicts.map((f) => (
            <Text key={f}>  {f}</Text>
          ))}
          <Text>Overwrite them? (y/N)</Text>
        </Box>
      )}
    </Box>
  );
}
