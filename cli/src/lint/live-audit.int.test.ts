import { describe, expect, it } from 'vitest';
import { createClient } from '@eoskit/core';
import { sharedBrokers, uniqueName } from '../../../test/helpers/kafka.js';
import { runEosLint } from './run-eos-lint.js';

interface Row {
  ruleId: string;
  severity: string;
  file: string;
  key: string | null;
  message: string;
}

async function audit(bootstrap: string): Promise<{ exit: number; rows: Row[]; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const exit = await runEosLint(['--bootstrap-server', bootstrap, '--format', 'json'], {
    cwd: process.cwd(),
    env: {},
    isTTY: false,
    stdout: (s) => void (stdout += s),
    stderr: (s) => void (stderr += s),
  });
  return { exit, rows: exit === 2 ? [] : (JSON.parse(stdout) as Row[]), stderr };
}

describe('eos-lint > live audit', () => {
  it('lints the broker and topic configs of a running 3-node cluster like files', async () => {
    const brokers = sharedBrokers(3);
    const bootstrap = brokers.join(',');
    const good = uniqueName('lint-good');
    const tight = uniqueName('lint-tight');
    const client = await createClient({ client: 'kafkajs', brokers });
    const admin = client.admin();
    await admin.connect();
    try {
      await admin.createTopics([
        { topic: good, numPartitions: 1, replicationFactor: 3, configs: { 'min.insync.replicas': '2' } },
        { topic: tight, numPartitions: 1, replicationFactor: 3, configs: { 'min.insync.replicas': '3' } },
      ]);
      const before = (await admin.describeTopics([])).map((t) => t.name).sort();

      const { exit, rows, stderr } = await audit(bootstrap);

      expect(stderr).toBe('');
      expect(exit).toBe(1);
      const base = `kafka://${brokers[0]}`;
      expect(rows.every((r) => r.file.startsWith(`${base}/`))).toBe(true);
      // The shared cluster is sized for EOS: RF 3, min ISR 2, no unclean election.
      const brokerErrors = rows.filter((r) => r.file.startsWith(`${base}/broker/`) && r.severity === 'error');
      expect(brokerErrors).toEqual([]);
      expect(rows.filter((r) => r.file === `${base}/topic/${good}`)).toEqual([]);
      expect(rows.filter((r) => r.file === `${base}/topic/${tight}`).map((r) => [r.ruleId, r.severity, r.key])).toEqual([
        ['topic-min-isr-not-below-rf', 'error', 'min.insync.replicas'],
      ]);
      // Read-only: the audit created or deleted nothing.
      expect((await admin.describeTopics([])).map((t) => t.name).sort()).toEqual(before);
    } finally {
      await admin.disconnect();
      await client.close();
    }
  });

  it('fails with exit 2 and one line when the cluster cannot be reached', async () => {
    const { exit, stderr } = await audit('127.0.0.1:1');
    expect(exit).toBe(2);
    expect(stderr.split('\n').filter(Boolean)).toHaveLength(1);
    expect(stderr).toMatch(/^eos-lint: /);
  }, 120_000);
});
