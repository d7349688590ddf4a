import kafkajs from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type EosAdmin, type KafkaClient } from '@eoskit/core';
import { startCluster, type EmbeddedCluster } from '@eoskit/kafka-embedded';
import { uniqueName } from './helpers/kafka.js';
import { committedTotal, endTotal, sigkill, spawnCli, until, type CliProcess } from './helpers/processor-procs.js';

/**
 * The demo's broker bounce under an at-least-once kafkajs copy: one of three brokers is
 * SIGKILLed and restarted while the copy commits. Commits fail and kafkajs restarts its consumer
 * group meanwhile; the copy must neither crash (a rewind seeking between generations once did,
 * with a stack trace) nor hang after its final line: it copies everything and exits 0 on SIGTERM.
 * Runs the built CLI (`npx tsc -b` first).
 */
const PER_ROUND = 2000;

describe('processor > system > broker bounce', () => {
  let cluster: EmbeddedCluster;
  let client: KafkaClient;
  let admin: EosAdmin;
  let copy: CliProcess | undefined;
  beforeAll(async () => {
    // Its own cluster: the test kills one of its brokers.
    cluster = await startCluster({ nodes: 3, embeddedOnly: true });
    client = await createClient({ client: 'kafkajs', brokers: cluster.brokers });
    admin = client.admin();
    await admin.connect();
  }, 300_000);
  afterAll(async () => {
    if (copy !== undefined) await sigkill(copy);
    await admin?.disconnect();
    await client?.close();
    await cluster?.stop();
  });

  it('at-least-once kafkajs copy survives a broker bounce and exits 0 on SIGTERM', async () => {
    const input = uniqueName('bounce-in');
    const output = uniqueName('bounce-out');
    const group = uniqueName('bounce-copy');
    await admin.createTopics([
      { topic: input, numPartitions: 3, replicationFactor: 3 },
      { topic: output, numPartitions: 3, replicationFactor: 3 },
    ]);
    const producer = new kafkajs.Kafka({ brokers: cluster.brokers, logLevel: kafkajs.logLevel.NOTHING }).producer();
    await producer.connect();
    let written = 0;
    const write = async (): Promise<void> => {
      const messages = Array.from({ length: PER_ROUND }, (_, i) => ({ key: `k${(written + i) % 100}`, value: String(written + i) }));
      await producer.send({ topic: input, messages, acks: -1 });
      written += PER_ROUND;
    };
    await write();
    copy = spawnCli('copy', [
      'copy', '--bootstrap', cluster.bootstrapServers, '--group', group, '--input', input, '--output', output,
      '--transactional-id-prefix', group, '--client', 'kafkajs', '--guarantee', 'at-least-once', '--dedup', 'off',
      '--checkpoint-interval-ms', '100', '--max-records', '200', '--session-timeout-ms', '4000',
      '--max-idle-ms', '600000', '--progress-ms', '0', '--verbose',
    ]);
    const logs = () => copy!.output().slice(-4000);
    const progress = () => committedTotal(admin, group, input);
    await until('copy under way', async () => (await progress()) > 0, 60_000, logs);

    // Kill a broker while records keep arriving and commits keep failing over, then bring it back.
    await cluster.kill(2);
    await write().catch(() => undefined); // acks=all with RF 3 / 2 live still succeeds; a failure only means fewer records
    await new Promise((resolve) => setTimeout(resolve, 3000));
    await cluster.restart(2);
    await cluster.waitForHealthy({ timeoutMs: 120_000 });
    await write();
    await producer.disconnect();

    // The input's end, not `written`: a send failing during the bounce may still have landed.
    const total = await endTotal(admin, input);
    let last = 0;
    await until('every input record committed', async () => (last = await progress()) === total, 120_000, () => `committed ${last} of ${total}\n${logs()}`);
    expect(copy.child.exitCode, logs()).toBeNull(); // still running: it did not crash
    copy.child.kill('SIGTERM');
    const code = await Promise.race([copy.exited, new Promise((resolve) => setTimeout(() => resolve('still running 30 s after SIGTERM'), 30_000))]);
    expect(code, logs()).toBe(0);
    expect(copy.output()).toMatch(/"event":"done"/);
    expect(copy.output(), 'no stack trace reaches the user').not.toMatch(/\n\s+at .+:\d+:\d+\)?\n/);
  });
});
