import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { createInterface } from 'node:readline';

/** How a child ended: its exit code, or the signal that ended it. */
export interface ChildExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

/** A Node child process of the demo (a writer or an `eoskit copy`). */
export interface ChildProc {
  readonly name: string;
  readonly pid: number | undefined;
  /** Resolves when the process is gone. */
  readonly exited: Promise<ChildExit>;
  readonly running: boolean;
  /** Sends a signal (no-op once it exited) and waits until it is gone. */
  stop(signal: NodeJS.Signals): Promise<ChildExit>;
  /** The last lines it wrote to stderr (for failure messages). */
  stderrTail(): string;
}

/** Options of {@link spawnChild}. */
export interface SpawnChildOptions {
  name: string;
  /** Arguments after `node`. */
  args: string[];
  /** Appends the child's stderr here. */
  logFile: string;
  /** Each stdout line that parses as a JSON object. */
  onEvent: (event: Record<string, unknown>) => void;
}

const TAIL_LINES = 15;

/** Starts `node <args>` with stdout read as JSON lines; stdout and stderr are kept in a log file. */
export function spawnChild(options: SpawnChildOptions): ChildProc {
  const child: ChildProcess = spawn(process.execPath, options.args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const log = createWriteStream(options.logFile, { flags: 'a' });
  const tail: string[] = [];
  createInterface({ input: child.stdout! }).on('line', (text) => {
    log.write(`${text}\n`);
    try {
      const event: unknown = JSON.parse(text);
      if (event !== null && typeof event === 'object') options.onEvent(event as Record<string, unknown>);
    } catch {
      // Not an event: kept in the log only.
    }
  });
  createInterface({ input: child.stderr! }).on('line', (text) => {
    log.write(`${text}\n`);
    tail.push(text);
    if (tail.length > TAIL_LINES) tail.shift();
  });
  let running = true;
  const exited = new Promise<ChildExit>((resolve) => {
    child.once('exit', (code, signal) => {
      running = false;
      resolve({ code, signal });
    });
    // A failed spawn emits only 'error'.
    child.once('error', (err) => {
      running = false;
      tail.push(err.message);
      resolve({ code: 127, signal: null });
    });
  });
  void exited.then(() => log.end());
  return {
    name: options.name,
    pid: child.pid,
    exited,
    get running() {
      return running;
    },
    async stop(signal) {
      if (running) child.kill(signal);
      return exited;
    },
    stderrTail: () => tail.join('\n'),
  };
}
