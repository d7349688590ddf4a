import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:net';

/** Lowest port {@link pickFreePorts} uses. */
export const PORT_RANGE_LOW = 15000;

/**
 * Highest port (exclusive) for brokers: the start of the kernel's ephemeral range, read from
 * /proc/sys/net/ipv4/ip_local_port_range (32768 when unknown). Ports below it are never handed out
 * to outgoing client connections, so a broker restarted on its old port cannot find the port taken
 * by some test's Kafka client.
 */
export function portRangeHigh(procFile = '/proc/sys/net/ipv4/ip_local_port_range'): number {
  try {
    const low = Number(readFileSync(procFile, 'utf8').trim().split(/\s+/)[0]);
    if (Number.isInteger(low) && low > PORT_RANGE_LOW + 1000) return low;
  } catch {
    // not Linux: fall through
  }
  return 32768;
}

/**
 * `count` distinct ports on 127.0.0.1 that were free a moment ago, chosen at random in
 * [{@link PORT_RANGE_LOW}, {@link portRangeHigh}). Each is held open until all are found, so one
 * call never returns the same port twice.
 */
export async function pickFreePorts(count: number, random: () => number = Math.random): Promise<number[]> {
  const low = PORT_RANGE_LOW;
  const high = portRangeHigh();
  const held: Server[] = [];
  const ports: number[] = [];
  try {
    for (let attempt = 0; ports.length < count; attempt++) {
      if (attempt > count * 200) throw new Error(`no free port found in ${low}-${high - 1}`);
      const port = low + Math.floor(random() * (high - low));
      if (ports.includes(port)) continue;
      const server = await tryListen(port);
      if (server) {
        held.push(server);
        ports.push(port);
      }
    }
    return ports;
  } finally {
    await Promise.all(held.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}

function tryListen(port: number): Promise<Server | undefined> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(undefined));
    server.listen({ host: '127.0.0.1', port, exclusive: true }, () => resolve(server));
  });
}
