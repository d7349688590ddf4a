import { EoskitError } from '@eoskit/core';
import type { ClientKind, EosAdmin } from '@eoskit/core';
import { lintConfig } from '@eoskit/lint';
import type { ConfigObject, Finding, RuleSettings } from '@eoskit/lint';
import type { ProcessorLogger } from './processor-types.js';

/** What the processor runs with, in Kafka's spelling, and the topics it touches. */
export interface ClusterCheckInput {
  admin: EosAdmin;
  kind: ClientKind;
  producer: ConfigObject;
  consumer: ConfigObject;
  /** Topic names by role, for messages ("input", "output", "changelog"). */
  topics: Array<{ name: string; role: string }>;
  rules?: RuleSettings;
  logger?: ProcessorLogger;
}

/** What the checks learnt about the cluster. */
export interface ClusterFacts {
  brokerCount: number;
  /** Partitions of each checked topic. */
  partitions: Map<string, number>;
}

/**
 * A cluster of one or two brokers cannot give a topic three replicas and
 * min.insync.replicas 2; there these findings are warnings (a development
 * cluster), not reasons to refuse. Caller settings still win.
 */
const SMALL_CLUSTER_RULES: RuleSettings = {
  'topic-replication-factor-below-3': 'warning',
  'min-insync-replicas-too-low': 'warning',
  'topic-min-isr-not-below-rf': 'warning',
};

/**
 * Every topic checked here exists (the processor created its changelog just
 * before, with no more replicas than the brokers it saw). A replication
 * factor above the live broker count then means a broker is down for now
 * (metadata lists live brokers only), which is no reason to refuse: a warning.
 */
const EXISTING_TOPIC_RULES: RuleSettings = {
  'topic-replication-factor-exceeds-brokers': 'warning',
};
const RF_EXCEEDS_BROKERS = 'topic-replication-factor-exceeds-brokers';

/**
 * Checks the processor's producer, consumer and topic configurations with
 * eos-lint's rules against the live cluster: the broker's
 * `transaction.max.timeout.ms` (via describeConfigs), each topic's
 * replication factor and `min.insync.replicas` against the broker count.
 * Every error-level finding is named in one `CONFIG_INVALID`; warnings are logged.
 */
export async function checkClusterConfig(input: ClusterCheckInput): Promise<ClusterFacts> {
  const { admin } = input;
  const brokers = await admin.brokers();
  const brokerCount = brokers.length;
  const broker = brokers.length > 0 ? await admin.describeConfigs({ type: 'broker', name: String(brokers[0]) }) : {};
  const rules = { ...(brokerCount < 3 ? SMALL_CLUSTER_RULES : {}), ...input.rules };
  const context = { broker, brokerCount };
  const problems: string[] = [];
  const topicRules = { ...(brokerCount < 3 ? SMALL_CLUSTER_RULES : {}), ...EXISTING_TOPIC_RULES, ...input.rules };
  const report = (subject: string, findings: Finding[]): void => {
    for (const f of findings) {
      if (f.suppressed !== undefined) continue;
      const why = f.ruleId === RF_EXCEEDS_BROKERS && f.severity === 'warning' ? ' The topic exists, so a broker is probably down.' : '';
      const text = `${subject}: ${f.message}${why} (eos-lint ${f.ruleId})`;
      if (f.severity === 'error') problems.push(text);
      else if (f.severity === 'warning') input.logger?.warn?.(text);
    }
  };
  report('producer', lintConfig({ role: 'producer', config: input.producer, context, rules }));
  report('consumer', lintConfig({ role: 'consumer', config: input.consumer, context, rules }));

  const partitions = new Map<string, number>();
  const names = [...new Set(input.topics.map((t) => t.name))];
  const described = await describeExisting(admin, names);
  for (const { name, role } of input.topics) {
    const d = described.get(name);
    if (d === undefined) {
      problems.push(`${role} topic "${name}" does not exist`);
      continue;
    }
    partitions.set(name, d.partitions);
    const config: ConfigObject = { ...(await admin.describeConfigs({ type: 'topic', name })), 'replication.factor': d.replicationFactor };
    report(`${role} topic "${name}"`, lintConfig({ role: 'topic', config, context, rules: topicRules }));
  }
  if (problems.length > 0) {
    throw new EoskitError('CONFIG_INVALID', `processor refused to start: ${problems.join('; ')}`);
  }
  return { brokerCount, partitions };
}

async function describeExisting(admin: EosAdmin, names: string[]): Promise<Map<string, { partitions: number; replicationFactor: number }>> {
  const out = new Map<string, { partitions: number; replicationFactor: number }>();
  for (const name of names) {
    try {
      const [d] = await admin.describeTopics([name]);
      if (d !== undefined && d.partitions.length > 0) {
        out.set(name, { partitions: d.partitions.length, replicationFactor: Math.min(...d.partitions.map((p) => p.replicas.length)) });
      }
    } catch (err) {
      if (!isUnknownTopic(err)) throw err;
    }
  }
  return out;
}

function isUnknownTopic(err: unknown): boolean {
  return err instanceof Error && /UNKNOWN_TOPIC|does not exist|unknown topic/i.test(err.message);
}
