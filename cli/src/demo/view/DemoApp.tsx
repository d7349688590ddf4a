import { Box, Text } from 'ink';
import { stamp } from '../demo-lines.js';
import type { DemoState } from '../demo-state.js';
import { PIPELINES, PIPELINE_LABEL } from '../demo-types.js';
import PipelineRow from './PipelineRow.js';
import ProofTable from './ProofTable.js';

/** Log lines shown under the pipelines. */
const LOG_LINES = 8;

const PHASE_TEXT: Record<DemoState['phase'], string> = {
  cluster: 'starting the Kafka cluster',
  running: 'running, with faults',
  reading: 'reading the outputs',
  done: 'done',
  failed: 'failed',
};

/** The whole demo screen; props only (the live wrapper feeds the state). */
export default function DemoApp({ state, width }: { state: DemoState; width: number }) {
  const barWidth = Math.max(10, Math.min(40, width - 40));
  return (
    <Box flexDirection="column">
      <Text>
        <Text bold>eoskit demo</Text>
        {` · ${state.records} events · ${state.client} · ${state.nodes}-node cluster · ${(state.elapsedMs / 1000).toFixed(1)} s`}
      </Text>
      <Text>
        <Text color={state.phase === 'failed' ? 'red' : 'cyan'}>{PHASE_TEXT[state.phase]}</Text>
        {state.brokerDown ? <Text color="yellow"> · a broker is down</Text> : null}
      </Text>
      <Box flexDirection="column" marginTop={1}>
        {PIPELINES.map((p) => (
          <PipelineRow key={p} label={PIPELINE_LABEL[p]} progress={state.pipelines[p]} records={state.records} barWidth={barWidth} />
        ))}
      </Box>
      <Box flexDirection="column" marginTop={1}>
        {state.log.slice(-LOG_LINES).map((entry, i) => (
          <Text key={i} dimColor={!entry.text.startsWith('fault')} color={entry.text.startsWith('fault') ? 'yellow' : undefined} wrap="truncate-end">
            {`${stamp(entry.atMs)} ${entry.text}`}
          </Text>
        ))}
      </Box>
      {state.summary !== undefined ? <ProofTable summary={state.summary} width={width} /> : null}
      {state.error !== undefined ? <Text color="red">{`eoskit demo: ${state.error}`}</Text> : null}
    </Box>
  );
}
