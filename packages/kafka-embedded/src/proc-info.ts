import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

/**
 * Process facts read from /proc (Linux), with `ps` as the fallback elsewhere. A zombie (exited but
 * not yet reaped by its parent) counts as not running: it holds no ports and no files.
 */

/** True when `pid` names a live, non-zombie process. */
export function isRunning(pid: number): boolean {
  const stat = readStat(pid);
  if (stat !== undefined) return stat.state !== 'Z' && stat.state !== 'X';
  if (procAvailable()) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * The process start time (clock ticks since boot, /proc/<pid>/stat field 22), or undefined when
 * unknown. Together with the pid it names one process for good: pids are reused, start times not.
 */
export function processStartTime(pid: number): string | undefined {
  return readStat(pid)?.startTime;
}

/** The process's command line arguments, or undefined when it is gone. */
export function readCmdline(pid: number): string[] | undefined {
  try {
    const raw = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
    return raw.split('\0').filter((a) => a.length > 0);
  } catch {
    if (procAvailable()) return undefined;
  }
  try {
    // Without /proc arguments cannot be split exactly; a marker test only needs substring presence.
    return [execFileSync('ps', ['-ww', '-o', 'args=', '-p', String(pid)], { encoding: 'utf8' }).trim()];
  } catch {
    return undefined;
  }
}

/** True when `pid` is running and its command line contains `marker` (guards against pid reuse). */
export function hasMarker(pid: number, marker: string): boolean {
  if (!isRunning(pid)) return false;
  const args = readCmdline(pid);
  if (args === undefined) return false;
  // From `ps` the arguments come as one string; the marker is never the last argument.
  return args.includes(marker) || (args.length === 1 && (args[0] ?? '').includes(` ${marker} `));
}

interface Stat {
  state: string;
  startTime: string;
}

function readStat(pid: number): Stat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined;
  }
  // Field 2 (comm) is in parentheses and may hold spaces; count fields after the last ")".
  const rest = text.slice(text.lastIndexOf(')') + 2).split(' ');
  return { state: rest[0] ?? '?', startTime: rest[19] ?? '' };
}

let hasProc: boolean | undefined;
function procAvailable(): boolean {
  if (hasProc === undefined) {
    try {
      readFileSync('/proc/self/stat');
      hasProc = true;
    } catch {
      hasProc = false;
    }
  }
  return hasProc;
}
