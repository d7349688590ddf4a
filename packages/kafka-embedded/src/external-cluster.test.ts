import { describe, expect, it } from 'vitest';
import { startCluster } from './start-cluster.js';

describe('kafka-embedded > external cluster', () => {
  const env = { ...process.env, EOS_BOOTSTRAP_SERVERS: ' 10.0.0.1:9092, 10.0.0.2:9092 ' };

  it('EOS_BOOTSTRAP_SERVERS replaces the embedded cluster', async () => {
    const cluster = await startCluster({ nodes: 3, env });
    expect(cluster.external).toBe(true);
    expect(cluster.brokers).toEqual(['10.0.0.1:9092', '10.0.0.2:9092']);
    expect(cluster.kafkaVersion).toBe('external');
    expect(cluster.nodes).toEqual([]);
    await expect(cluster.stop()).resolves.toBeUndefined();
  });

  it.each(['kill', 'restart', 'pause', 'resume'] as const)('%s is refused: fault injection needs the embedded cluster', async (method) => {
    const cluster = await startCluster({ env });
    await expect(cluster[method](1)).rejects.toMatchObject({
      code: 'EMBEDDED_KAFKA',
      message: expect.stringMatching(/fault injection needs the embedded cluster.*EOS_BOOTSTRAP_SERVERS/),
    });
  });
});
