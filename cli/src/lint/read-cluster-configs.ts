import { createClient } from '@eoskit/core';
import { isSecretKey, type ConfigEntry, type ConfigUnit, type Role } from '@eoskit/lint';

/** Broker and topic configs of a running cluster as units, plus its broker count. */
export interface ClusterConfigs {
  units: ConfigUnit[];
  brokerCount: number;
}

/** One unit per resource; keys sorted so "line" numbers are stable between runs. */
function liveUnit(file: string, role: Role, name: string, config: Record<string, string>): ConfigUnit {
  const entries = new Map<string, ConfigEntry>();
  Object.keys(config)
    .sort()
    .forEach((key, i) => {
      const raw = config[key] ?? '';
      // Brokers return sensitive values as null already; the flag keeps any other secret out of reports.
      entries.set(key, {
        key,
        rawKey: key,
        value: raw,
        rawValue: raw,
        file,
        position: { line: i + 1, column: 1 },
        valuePosition: { line: i + 1, column: key.length + 2 },
        secret: isSecretKey(key),
      });
    });
  return { id: file, file, role, dialect: 'java', roleSource: 'explicit', name, entries, shadowed: [] };
}

/**
 * Reads the configs of every broker and every non-internal topic through the
 * admin API (describeCluster, metadata, describeConfigs: read-only calls).
 * Units are named `kafka://<bootstrap>/broker/<id>` and `.../topic/<name>`.
 */
export async function readClusterConfigs(options: { bootstrapServer: string }): Promise<ClusterConfigs> {
  const brokersList = options.bootstrapServer.split(',').map((s) => s.trim()).filter(Boolean);
  const base = `kafka://${brokersList[0]}`;
  const client = await createClient({ client: 'kafkajs', brokers: brokersList, clientId: 'eos-lint', logLevel: 'nothing' });
  const admin = client.admin();
  try {
    await admin.connect();
    const brokerIds = await admin.brokers();
    const units: ConfigUnit[] = [];
    for (const id of brokerIds) {
      const config = await admin.describeConfigs({ type: 'broker', name: String(id) });
      units.push(liveUnit(`${base}/broker/${id}`, 'broker', `broker ${id}`, config));
    }
    const topics = (await admin.describeTopics([])).filter((t) => !t.name.startsWith('__')).sort((a, b) => a.name.localeCompare(b.name));
    for (const topic of topics) {
      // A topic deleted between the metadata call and this one is skipped, not an audit failure.
      const config = await admin.describeConfigs({ type: 'topic', name: topic.name }).catch(() => undefined);
      if (!config) continue;
      const rf = topic.partitions[0]?.replicas.length;
      units.push(liveUnit(`${base}/topic/${topic.name}`, 'topic', topic.name, rf === undefined ? config : { ...config, 'replication.factor': String(rf) }));
    }
    return { units, brokerCount: brokerIds.length };
  } finally {
    await admin.disconnect().catch(() => undefined);
    await client.close().catch(() => undefined);
  }
}
