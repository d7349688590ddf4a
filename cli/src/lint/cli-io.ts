/** What the eos-lint CLI needs from its process, injected so tests run it in-process. */
export interface CliIo {
  cwd: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Colours only on a terminal. */
  isTTY: boolean;
}
