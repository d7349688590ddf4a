import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A line a child prints on stdout: one JSON object with an `event` name. */
export interface ChildEvent {
  event: string;
  [field: string]: unknown;
}

/** A child Node process running one of an example's TypeScript entry files (see {@link startChild}). */
export interface Child {
  readonly process: ChildProcess;
  /** Events printed so far, oldest first. */
  readonly events: ChildEvent[];
  /** Resolves with the first event (already printed or still to come) matching `match`; rejects if the child exits first. */
  waitFor(match: (e: ChildEvent) => boolean, timeoutMs?: number): Promise<ChildEvent>;
  /** Resolves with the exit code, or the signal name when a signal ended the child. */
  readonly exited: Promise<number | string>;
}

// Repository root: examples run from a clone, where `tsx` is a dev dependency.
const repoRoot = fileURLToPath(new URL('../..', import.meta.url));

/**
 * Runs `file` (TypeScript) in its own Node process through tsx, so the example can SIGKILL it the
 * way a crash, an OOM kill or `kill -9` would. Its stdout carries JSON event lines; its stderr is
 * passed through with `name` in front.
 */
export function startChild(file: URL, args: string[], name: string): Child {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(file), ...args], {
    cwd: repoRoot,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const events: ChildEvent[] = [];
  const waiters = new Set<() => void>();
  let buffered = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    buffered += chunk.toString();
    const lines = buffered.split('\n');
    buffered = lines.pop() ?? '';
    for (const line of lines) {
      try {
        const parsed = JSON.parse(line) as ChildEvent;
        if (typeof parsed.event === 'string') events.push(parsed);
      } catch {
        process.stderr.write(`[${name}] ${line}\n`);
      }
    }
    for (const wake of waiters) wake();
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    for (const line of chunk.toString().split('\n').filter(Boolean)) process.stderr.write(`[${name}] ${line}\n`);
  });
  const exited = new Promise<number | string>((resolve) => child.once('exit', (code, signal) => resolve(code ?? signal ?? -1)));
  let exitedWith: number | string | undefined;
  void exited.then((how) => {
    exitedWith = how;
    for (const wake of waiters) wake();
  });

  const waitFor = (match: (e: ChildEvent) => boolean, timeoutMs = 120_000): Promise<ChildEvent> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => done(new Error(`${name}: nothing matching after ${timeoutMs} ms`)), timeoutMs);
      const done = (err: Error | null, event?: ChildEvent): void => {
        clearTimeout(timer);
        waiters.delete(check);
        if (err === null) resolve(event!);
        else reject(err);
      };
      const check = (): void => {
        const found = events.find(match);
        if (found !== undefined) done(null, found);
        else if (exitedWith !== undefined) done(new Error(`${name} exited (${exitedWith}) before the awaited event`));
      };
      waiters.add(check);
      check();
    });
  return { process: child, events, waitFor, exited };
}

/** Prints one JSON event line on stdout (the child side of {@link startChild}). */
export function emit(event: string, fields: Record<string, unknown> = {}): void {
  process.stdout.write(`${JSON.stringify({ event, ...fields })}\n`);
}

/** An AbortSignal that fires on SIGTERM or SIGINT: a child's cue to stop cleanly. */
export function stopSignal(): AbortSignal {
  const controller = new AbortController();
  const stop = (): void => controller.abort();
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
  return controller.signal;
}
