import { EoskitError } from '@eoskit/core';
import { importLiveView } from '../terminal/import-live-view.js';
import { clientProblem } from './client-check.js';
import { proofLines } from './demo-lines.js';
import type { DemoOptions } from './demo-options.js';
import { createDemoStore } from './demo-store.js';
import { plainOutput } from './plain-output.js';
import { runDemo } from './run-demo.js';

/** Exit code after SIGINT/SIGTERM (128 + SIGINT). */
const INTERRUPTED = 130;

/**
 * Runs `eoskit demo` with its output: Ink on a terminal, plain lines
 * otherwise (on stderr with `--json`, whose summary is stdout's only line).
 * Returns the exit code: 0 when the exactly-once pipeline was exact, 1 when
 * not or on failure, 2 for an unusable option. Interrupted by SIGINT/SIGTERM, it stops every
 * process and the cluster, then ends by the same signal (exit status 130/143 in a shell).
 */
export async function runDemoCommand(options: DemoOptions): Promise<number> {
  const problem = await clientProblem(options.client);
  if (problem !== undefined) {
    process.stderr.write(`eoskit demo: ${problem}\n`);
    return 2;
  }
  const write = (line: string): void => void (options.json ? process.stderr : process.stdout).write(`${line}\n`);
  const store = createDemoStore(options, options.view === 'plain' ? plainOutput(write) : undefined);
  const view = options.view === 'ink' ? (await importLiveView(() => import('./view/render-demo.js'))).renderDemo(store, process.stdout) : undefined;
  const started = Date.now();
  const clock = setInterval(() => store.dispatch({ type: 'tick', atMs: Date.now() - started }), 500);
  const abort = new AbortController();
  let received: NodeJS.Signals | undefined;
  const onSignal = (signal: NodeJS.Signals): void => {
    received ??= signal;
    abort.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  try {
    const summary = await runDemo(options, { emit: store.dispatch, state: store.get, signal: abort.signal });
    store.dispatch({ type: 'summary', summary, atMs: summary.elapsedMs });
    if (options.view === 'plain') for (const line of ['', ...proofLines(summary)]) write(line);
    if (options.json) process.stdout.write(`${JSON.stringify(summary)}\n`);
    return summary.exact ? 0 : 1;
  } catch (err) {
    if (abort.signal.aborted) {
      store.dispatch({ type: 'failed', message: 'interrupted; every process and the cluster were stopped', atMs: Date.now() - started });
      return INTERRUPTED;
    }
    const message = err instanceof EoskitError || err instanceof Error ? err.message : String(err);
    store.dispatch({ type: 'failed', message, atMs: Date.now() - started });
    if (options.view === 'ink') process.stderr.write(`eoskit demo: ${message}\n`);
    return 1;
  } finally {
    clearInterval(clock);
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await view?.finish();
    // Everything is stopped; a client of the dead cluster may still be retrying for a while. A
    // signal ends the process now, the conventional way: the same signal with its default action.
    if (received !== undefined) process.kill(process.pid, received);
  }
}
