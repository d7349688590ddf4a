import { Box, Text } from 'ink';
import { proofLines } from '../demo-lines.js';
import type { DemoSummary } from '../demo-types.js';

/** The final proof: the table, the notes and the verdict (green when exact, red otherwise). */
export default function ProofTable({ summary, width }: { summary: DemoSummary; width: number }) {
  // The per-row verdict needs 100 columns; the verdict line below says it anyway.
  const lines = proofLines(summary, { verdicts: width >= 100 });
  const verdict = lines.at(-1) ?? '';
  return (
    <Box flexDirection="column" marginTop={1}>
      {lines.slice(0, -1).map((line, i) => (
        <Text key={i} bold={i === 0}>
          {line || ' '}
        </Text>
      ))}
      <Text bold color={summary.exact ? 'green' : 'red'}>
        {verdict}
      </Text>
    </Box>
  );
}
