/** How long a processor command may take to wind down after its final line. */
export const CLEANUP_DEADLINE_MS = 15_000;

/**
 * Called right after a processor command printed its final line (`done` or
 * `failed`). After a broker bounce a Kafka client (kafkajs) can keep a
 * connection open that no disconnect closes, so the process would never end.
 * If it is still alive after `deadlineMs`, this says so on stderr and exits
 * with the exit code already set. The timer is unref'd: when everything did
 * close, it neither fires nor delays the exit. CLI only, never library code.
 */
export function armExitWatchdog(name: string, deadlineMs: number = CLEANUP_DEADLINE_MS, exit: (code: number) => void = (code) => process.exit(code)): NodeJS.Timeout {
  const timer = setTimeout(() => {
    const code = typeof process.exitCode === 'number' ? process.exitCode : 0;
    process.stderr.write(`eoskit ${name}: cleanup still not finished ${Math.round(deadlineMs / 1000)} s after the final line (a Kafka client kept a connection open); exiting with ${code}\n`);
    exit(code);
  }, deadlineMs);
  timer.unref();
  return timer;
}
