import { Box, Text } from 'ink';
import type { StyledLine } from './styled-line.js';
import StyledText from './StyledText.js';

/** Props of {@link Frame}. */
export interface FrameProps {
  title: StyledLine;
  /** Body lines; the caller gives exactly `height - 3`. */
  body: StyledLine[];
  status: StyledLine;
  hints: string;
  width: number;
  height: number;
  color: boolean;
}

/** The audit's fixed layout: title, body, status line and key hints, `width` x `height` at most. */
export default function Frame({ title, body, status, hints, width, height, color }: FrameProps) {
  return (
    <Box flexDirection="column" width={width} height={height} overflow="hidden">
      <StyledText line={title} color={color} />
      {body.map((line, i) => (
        <StyledText key={i} line={line} color={color} />
      ))}
      <StyledText line={status} color={color} />
      <Text wrap="truncate-end" dimColor={color}>
        {hints}
      </Text>
    </Box>
  );
}
