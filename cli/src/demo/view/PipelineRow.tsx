import { Box, Text } from 'ink';
import type { PipelineProgress } from '../demo-state.js';
import { progressBar } from './progress-bar.js';

/** Props of {@link PipelineRow}. */
export interface PipelineRowProps {
  label: string;
  progress: PipelineProgress;
  records: number;
  barWidth: number;
}

/** One pipeline: written and processed bars, kill counts. */
export default function PipelineRow({ label, progress, records, barWidth }: PipelineRowProps) {
  const count = (n: number) => `${n}`.padStart(`${records}`.length);
  return (
    <Box flexDirection="column">
      <Text bold>{label}</Text>
      <Text>
        {'  written   '}
        <Text color="cyan">{progressBar(progress.written, records, barWidth)}</Text> {count(progress.written)}/{records}
        {progress.writerKills > 0 ? <Text color="yellow">{`  writer killed ${progress.writerKills}x`}</Text> : null}
      </Text>
      <Text>
        {'  processed '}
        <Text color="magenta">{progressBar(progress.processed, records, barWidth)}</Text> {count(progress.processed)}
        {progress.processorKills > 0 ? <Text color="yellow">{`  processor killed ${progress.processorKills}x`}</Text> : null}
        {progress.processorDone ? <Text color="green">{'  done'}</Text> : null}
      </Text>
    </Box>
  );
}
