import { spawn } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { EoskitError } from '@eoskit/core';

/** Everything needed to start one node's JVM again later, even from another process (the CLI). */
export interface NodeLaunch {
  java: string;
  args: string[];
  cwd: string;
  /** stdout and stderr of the JVM (Kafka logs to stdout) are appended here. */
  logFile: string;
  /** The `-D` argument in `args` that identifies this node's JVM. */
  marker: string;
}

/** The marker argument for a node folder: unique per node on the machine. */
export function nodeMarker(nodeDir: string): string {
  return `-Deoskit.kafka.node=${nodeDir}`;
}

/**
 * Starts the JVM in its own process group with output going to the log file, and returns its pid.
 * The child is unref'd: the Node process may exit while it runs (the cluster decides whether the
 * JVM dies with it: see exit-hook.ts).
 */
export function spawnNode(launch: NodeLaunch): number {
  const fd = openSync(launch.logFile, 'a');
  try {
    const child = spawn(launch.java, launch.args, {
      cwd: launch.cwd,
      detached: true,
      stdio: ['ignore', fd, fd],
    });
    // Spawn failures (ENOENT) arrive as an event; the readiness wait reports the dead node.
    child.on('error', () => undefined);
    child.unref();
    if (child.pid === undefined) {
      throw new EoskitError('EMBEDDED_KAFKA', `could not start ${launch.java} for ${launch.cwd}`);
    }
    return child.pid;
  } finally {
    closeSync(fd);
  }
}

/** The last `lines` lines of a log file ('' when unreadable), for error messages. */
export function logTail(file: string, lines = 15): string {
  try {
    const text = readFileSync(file, 'utf8');
    return text.split('\n').filter((l) => l.trim()).slice(-lines).join('\n');
  } catch {
    return '';
  }
}
