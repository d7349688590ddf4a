import { Text } from 'ink';
import type { StyledLine } from './styled-line.js';

/** Props of {@link StyledText}. */
export interface StyledTextProps {
  /** The line to show; cut at the box width, never wrapped. */
  line: StyledLine;
  /** False under NO_COLOR or --no-color: colours are dropped, bold and inverse stay. */
  color: boolean;
}

/** One screen line made of styled segments. */
export default function StyledText({ line, color }: StyledTextProps) {
  // An empty Text has no height in Ink's layout; a blank line must still take its row.
  if (line.every((s) => s.text === '')) return <Text> </Text>;
  return (
    <Text wrap="truncate-end">
      {line.map((s, i) => (
        <Text key={i} color={color ? s.color : undefined} bold={s.bold} dimColor={color ? s.dim : undefined} inverse={s.inverse}>
          {s.text}
        </Text>
      ))}
    </Text>
  );
}
