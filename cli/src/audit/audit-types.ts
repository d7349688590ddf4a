import type { Finding, LintResult, PipelineLink, Role, Severity, SourceText } from '@eoskit/lint';

/** A lint run and the cross-file relations it describes. */
export interface Analysis {
  result: LintResult;
  links: PipelineLink[];
}

/** Lints the in-memory texts with the options the audit was started with (config file, manifest, live units). */
export type Analyze = (sources: SourceText[]) => Analysis;

/** One file of the audit: its text on disk (as last read or saved) and its edited text. */
export interface FileBuffer {
  /** Name as reported in findings (relative to the working directory). */
  file: string;
  /** Absolute path, for saving. */
  path: string;
  /** Text on disk when opened or last saved. */
  saved: string;
  /** Current text, with applied fixes. */
  text: string;
}

/** A change shown as a diff before it is applied. */
export interface FixPreview {
  file: string;
  description: string;
  /** `fix`: the engine's deterministic fix; `suggestion`: a behaviour-changing change the engine never applies on its own; `file`: every fix of one file. */
  kind: 'fix' | 'suggestion' | 'file';
  before: string;
  after: string;
  /** Findings the change resolves. */
  resolves: Finding[];
  /** Screen to return to after applying or cancelling. */
  from: Screen;
}

/** The filter of the findings list. */
export interface Filter {
  severity?: Severity;
  role?: Role | 'file';
  file?: string;
  /** Free text (matched against rule id, codes, key, message and file), may hold `sev:`, `role:`, `file:` tokens. */
  text: string;
}

/** Screens of the audit; `list` shows the findings or the summary, by pane. */
export type Screen = 'list' | 'detail' | 'diff' | 'help' | 'confirm-quit';

/** The two panes Tab switches between. */
export type Pane = 'findings' | 'summary';

/** A line in the status bar. */
export interface StatusMessage {
  kind: 'info' | 'ok' | 'error';
  text: string;
}

/** Everything the audit shows; changed only by the reducer. */
export interface AuditState {
  analysis: Analysis;
  /** By reported file name, in report order. */
  buffers: Readonly<Record<string, FileBuffer>>;
  /** Applied changes, newest last: the text each file had before. */
  undo: ReadonlyArray<{ file: string; text: string; description: string }>;
  filter: Filter;
  /** The filter text being typed after `/` (null when not typing). */
  draft: string | null;
  /** Index into the visible findings. */
  selected: number;
  /** First line shown on scrolling screens (detail, summary, diff, help). */
  scroll: number;
  screen: Screen;
  /** Where help and the quit prompt return to. */
  returnTo?: Screen;
  pane: Pane;
  preview?: FixPreview;
  status?: StatusMessage;
  /** A save the hook has to perform (writing files is an effect, kept out of the reducer). */
  saveRequest?: { thenQuit: boolean };
  /** Set after a save met a file changed on disk; the next save overwrites. */
  saveConflict?: string[];
  /** The app should exit. */
  quit: boolean;
}

/** Result of writing one file. */
export interface SaveOutcome {
  file: string;
  ok: boolean;
  /** The file changed on disk since it was read (nothing written). */
  conflict?: boolean;
  error?: string;
  /** The text now on disk (when ok). */
  text?: string;
}

/** What the keys and the save effect ask of the reducer. */
export type AuditAction =
  | { type: 'move'; delta: number; max?: number }
  | { type: 'move-to'; to: 'first' | 'last'; max?: number }
  | { type: 'open' }
  | { type: 'back' }
  | { type: 'switch-pane' }
  | { type: 'help' }
  | { type: 'filter-start' }
  | { type: 'filter-input'; text: string }
  | { type: 'filter-backspace' }
  | { type: 'filter-commit' }
  | { type: 'filter-cancel' }
  | { type: 'cycle'; what: 'severity' | 'role' | 'file' }
  | { type: 'clear-filter' }
  | { type: 'next-finding'; delta: 1 | -1 }
  | { type: 'preview'; scope: 'finding' | 'file' }
  | { type: 'apply' }
  | { type: 'undo' }
  /** Asks for a save; the hook writes the files and reports `saved`. */
  | { type: 'save'; thenQuit?: boolean }
  | { type: 'saved'; outcomes: SaveOutcome[] }
  | { type: 'quit' }
  | { type: 'quit-discard' };

