import { render } from 'ink';
import AuditApp from './AuditApp.js';
import type { Analyze, AuditState } from './audit-types.js';
import type { SaveIo } from './save-buffers.js';

/** Options of {@link renderAudit}. */
export interface RenderAuditOptions {
  initial: AuditState;
  analyze: Analyze;
  io: SaveIo;
  color: boolean;
  terminal: { stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream };
}

/** Alternate screen buffer: the audit leaves the user's scrollback as it was. */
const ENTER_ALT = '\u001b[?1049h\u001b[H';
const LEAVE_ALT = '\u001b[?1049l';

/**
 * Runs the audit on the terminal until the user quits; resolves with the
 * final state. The only module that loads Ink's renderer, imported on demand.
 */
export async function renderAudit(options: RenderAuditOptions): Promise<AuditState> {
  const { stdin, stdout } = options.terminal;
  let final = options.initial;
  stdout.write(ENTER_ALT);
  try {
    const instance = render(
      <AuditApp initial={options.initial} analyze={options.analyze} io={options.io} color={options.color} onQuit={(state) => (final = state)} />,
      // Ctrl+C is a key of the app (quit, discarding edits), so the final state is known.
      { stdin, stdout, exitOnCtrlC: false, patchConsole: false },
    );
    await instance.waitUntilExit();
    instance.cleanup();
  } finally {
    stdout.write(LEAVE_ALT);
  }
  return final;
}
