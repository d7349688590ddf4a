import { createServer } from 'node:net';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PORT_RANGE_LOW, pickFreePorts, portRangeHigh } from './free-ports.js';

describe('kafka-embedded > free ports', () => {
  it('returns distinct ports below the ephemeral range that can be bound', async () => {
    const ports = await pickFreePorts(6);
    expect(new Set(ports).size).toBe(6);
    for (const port of ports) {
      expect(port).toBeGreaterThanOrEqual(PORT_RANGE_LOW);
      expect(port).toBeLessThan(portRangeHigh());
      await new Promise<void>((resolve, reject) => {
        const s = createServer().once('error', reject);
        s.listen({ host: '127.0.0.1', port }, () => s.close(() => resolve()));
      });
    }
  });

  it('skips a port that is in use', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen({ host: '127.0.0.1', port: 0 }, () => resolve()));
    const taken = (busy.address() as { port: number }).port;
    const high = portRangeHigh();
    // First draw lands on the busy port (if it is inside the range), the next on a free one.
    const inRange = taken >= PORT_RANGE_LOW && taken < high;
    const draws = [inRange ? (taken - PORT_RANGE_LOW + 0.5) / (high - PORT_RANGE_LOW) : 0.1, 0.2];
    const ports = await pickFreePorts(1, () => draws.shift() ?? Math.random());
    expect(ports).not.toContain(taken);
    busy.close();
  });

  it('reads the ephemeral range start from the proc file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ports-'));
    writeFileSync(join(dir, 'range'), '40000\t60999\n');
    expect(portRangeHigh(join(dir, 'range'))).toBe(40000);
    expect(portRangeHigh(join(dir, 'missing'))).toBe(32768);
  });
});
