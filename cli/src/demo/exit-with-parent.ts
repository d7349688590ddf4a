/**
 * Ends this child process once the demo that started it is gone (the demo
 * was SIGKILLed, so none of its cleanup ran): the child is re-parented, and
 * `process.ppid` changes. SIGKILL, like the crash it follows.
 */
export function exitWithParent(everyMs = 1000): void {
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) process.kill(process.pid, 'SIGKILL');
  }, everyMs).unref();
}
