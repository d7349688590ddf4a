import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient, type ClientKind, type KafkaClient } from '@eoskit/core';
import { compareCopy, readTopic } from '@eoskit/reader';
import { sharedBrokers, uniqueName } from './helpers/kafka.js';
import { spawnCli, until } from './helpers/processor-procs.js';
import { produceStamped, sequences } from './helpers/reader-fixtures.js';

/** `eoskit copy` and `eoskit count` as commands: idle exit, progress lines, exit codes. Runs the built CLI. */
describe.each<ClientKind>(['kafkajs', 'confluent'])('processor > cli (%s)', (kind) => {
  const brokers = sharedBrokers(1);
  let client: KafkaClient;
  beforeAll(async () => {
    client = await createClient({ client: 'kafkajs', brokers });
  });
  afterAll(async () => client?.close());

  const common = (input: string, output: string, group: string): string[] => [
    '--bootstrap', brokers.join(','), '--group', group, '--input', input, '--output', output,
    '--transactional-id-prefix', group, '--client', kind, '--max-idle-ms', '2000', '--progress-ms', '500',
  ];

  it('copy creates the output like the input, copies exactly, reports progress and exits 0 once idle', async () => {
    const input = uniqueName(`cli-copy-in-${kind}`);
    const output = uniqueName(`cli-copy-out-${kind}`);
    const admin = client.admin();
    await admin.connect();
    await admin.createTopics([{ topic: input, numPartitions: 2 }]);
    await admin.disconnect();
    await produceStamped(client, input, sequences(uniqueName('w'), 0, 400), 2);
    const run = spawnCli('copy', ['copy', ...common(input, output, uniqueName('cli-copy')), '--abort-ratio', '0.3', '--max-records', '50']);
    expect(await run.exited, run.output()).toBe(0);
    const lines = run.stdout().trim().split('\n').map((l) => JSON.parse(l) as { event: string; committed: number; aborted: number });
    expect(lines.at(-1)).toMatchObject({ event: 'done', committed: 400 });
    expect(lines.at(-1)!.aborted).toBeGreaterThan(0);
    expect(compareCopy(await readTopic(client, input), await readTopic(client, output))).toMatchObject({ exact: true, records: 400 });
  });

  it('count emits the running count per key', async () => {
    const input = uniqueName(`cli-count-in-${kind}`);
    const output = uniqueName(`cli-count-out-${kind}`);
    const admin = client.admin();
    await admin.connect();
    await admin.createTopics([{ topic: input, numPartitions: 1 }]);
    await admin.disconnect();
    await produceStamped(client, input, sequences(uniqueName('w'), 0, 30).map((s) => ({ ...s, key: `k${s.seq % 3}` })), 1);
    const run = spawnCli('count', ['count', ...common(input, output, uniqueName('cli-count'))]);
    expect(await run.exited, run.output()).toBe(0);
    const values = (await readTopic(client, output)).map((r) => r.value!.toString());
    expect(values.filter((v) => v.includes('"k1"'))).toEqual(Array.from({ length: 10 }, (_, i) => `{"key":"k1","count":${i + 1}}`));
    expect(values).toHaveLength(30);
  });

  it('a SIGTERM while starting up stops cleanly: exit 0 and a done line with nothing consumed', async () => {
    const input = uniqueName(`cli-early-in-${kind}`);
    const admin = client.admin();
    await admin.connect();
    await admin.createTopics([{ topic: input, numPartitions: 1 }]);
    await admin.disconnect();
    const run = spawnCli('copy', ['copy', ...common(input, uniqueName('cli-early-out'), uniqueName('cli-early')), '--verbose']);
    await until('the copier says it is starting', async () => run.output().includes('eoskit copy: starting'), 30_000, () => run.output());
    run.child.kill('SIGTERM');
    expect(await run.exited, run.output()).toBe(0);
    expect(JSON.parse(run.stdout().trim().split('\n').at(-1)!)).toMatchObject({ event: 'done', consumed: 0 });
  });

  it('fails with one line for a missing input topic (exit 1) and refuses bad flags (exit 2)', async () => {
    const missing = spawnCli('copy', ['copy', ...common(uniqueName('nope'), uniqueName('out'), uniqueName('g'))]);
    expect(await missing.exited).toBe(1);
    expect(missing.output()).toMatch(/^eoskit: input topic "nope-[^"]+" does not exist\n$/);
    const bad = spawnCli('copy', ['copy', ...common('a', 'b', 'g'), '--abort-ratio', '1.5']);
    expect(await bad.exited).toBe(2);
    expect(bad.output()).toContain('--abort-ratio');
  });
});
