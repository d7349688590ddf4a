import { useApp, useInput } from 'ink';
import type { Analyze, AuditState } from './audit-types.js';
import Frame from './Frame.js';
import type { SaveIo } from './save-buffers.js';
import { screenFrame } from './screen-body.js';
import { splitKeys } from './split-keys.js';
import { useAudit } from './use-audit.js';
import { useTerminalSize } from './use-terminal-size.js';

/** Props of {@link AuditApp}. */
export interface AuditAppProps {
  /** The state to open with (findings list of the first lint run). */
  initial: AuditState;
  /** Re-lints edited texts with the options of the first run. */
  analyze: Analyze;
  /** Reads and writes files on save. */
  io: SaveIo;
  /** Colours (false under NO_COLOR / --no-color). */
  color: boolean;
  /** Called with the final state when the user quits. */
  onQuit: (state: AuditState) => void;
  /** Fixed size (tests); default: the terminal's, following resizes. */
  width?: number;
  height?: number;
}

/** The interactive audit: findings list, summary, detail, fix preview and help, driven by keys. */
export default function AuditApp({ initial, analyze, io, color, onQuit, width, height }: AuditAppProps) {
  const size = useTerminalSize();
  const { exit } = useApp();
  const w = width ?? size.columns;
  const h = height ?? size.rows;
  const { state, send } = useAudit({
    initial,
    analyze,
    io,
    onQuit: (final) => {
      onQuit(final);
      exit();
    },
  });
  useInput((input, key) => {
    for (const press of splitKeys(input, key)) send({ type: 'key', ...press, width: w, height: h });
  });
  const frame = screenFrame(state, w, h);
  return <Frame title={frame.title} body={frame.body} status={frame.status} hints={frame.hints} width={w} height={h} color={color} />;
}
