import type { ClusterBrokers, ConfigUnit, FormatHandler, ParsedFile, ParseOptions } from '../model.js';
import { collectSuppressions } from './collect-suppressions.js';
import { addEntry, createUnit } from './config-unit.js';
import { LineIndex } from './line-index.js';
import { markFatalWhenEmpty } from './map-units.js';
import { binaryProblem } from './read-input.js';
import { leavesUnder, type TreeDoc, type TreeLeaf, valueAt } from './tree-doc.js';
import { applyTreeEdits } from './tree-edits.js';
import { entryFromLeaf } from './tree-entries.js';
import { readYamlTree } from './yaml-tree.js';

const STRIMZI = /^apiVersion:\s*["']?kafka\.strimzi\.io\//m;

/** One Strimzi resource of a multi-document file. */
interface Resource {
  doc: number;
  kind: string;
  name: string;
  id: string;
}

function resources(file: string, tree: TreeDoc): Resource[] {
  const out: Resource[] = [];
  for (let doc = 0; doc < tree.docs; doc++) {
    const api = valueAt(tree, ['apiVersion'], doc)?.value ?? '';
    const kind = valueAt(tree, ['kind'], doc)?.value ?? '';
    if (!api.startsWith('kafka.strimzi.io/')) continue;
    const name = valueAt(tree, ['metadata', 'name'], doc)?.value ?? `document-${doc + 1}`;
    out.push({ doc, kind, name, id: `${file}#${kind}/${name}` });
  }
  return out;
}

/** The normalized key a leaf of a Kafka or KafkaTopic resource sets. */
function keyOf(r: Resource, leaf: TreeLeaf): string | undefined {
  const p = leaf.path;
  if (r.kind === 'Kafka') return p.length > 3 && p[0] === 'spec' && p[1] === 'kafka' && p[2] === 'config' ? p.slice(3).join('.') : undefined;
  if (r.kind !== 'KafkaTopic' || p[0] !== 'spec') return undefined;
  if (p.length === 2 && p[1] === 'replicas') return 'replication.factor';
  if (p.length === 2 && p[1] === 'partitions') return 'partitions';
  return p.length > 2 && p[1] === 'config' ? p.slice(2).join('.') : undefined;
}

/**
 * Brokers of a Kafka cluster: the replicas of the KafkaNodePools in the file
 * that are labelled for it and have the broker role, else `spec.kafka.replicas`.
 */
function clusterBrokers(file: string, tree: TreeDoc, all: Resource[], kafka: Resource, index: LineIndex): ClusterBrokers | undefined {
  const pools = all.filter((r) => r.kind === 'KafkaNodePool' && valueAt(tree, ['metadata', 'labels', 'strimzi.io/cluster'], r.doc)?.value === kafka.name);
  const brokerPools = pools
    .map((r) => ({ r, roles: valueAt(tree, ['spec', 'roles'], r.doc), replicas: valueAt(tree, ['spec', 'replicas'], r.doc) }))
    .filter((p) => p.replicas !== undefined && /^\d+$/.test(p.replicas.value) && (p.roles?.items ?? []).some((i) => i.value === 'broker'));
  const first = brokerPools[0]?.replicas;
  if (first !== undefined) {
    return {
      count: brokerPools.reduce((n, p) => n + Number(p.replicas?.value), 0),
      file,
      position: index.position(first.valueStart),
      source: 'KafkaNodePool ' + brokerPools.map((p) => `${p.r.name} (${p.replicas?.value})`).join(' + '),
    };
  }
  const replicas = valueAt(tree, ['spec', 'kafka', 'replicas'], kafka.doc);
  if (replicas === undefined || !/^\d+$/.test(replicas.value) || pools.length > 0) return undefined;
  return { count: Number(replicas.value), file, position: index.position(replicas.valueStart), source: 'spec.kafka.replicas' };
}

/**
 * Strimzi custom resources (multi-document YAML): `Kafka` -> a broker unit
 * from spec.kafka.config with the cluster's broker count; `KafkaTopic` -> a
 * topic unit (spec.replicas -> replication.factor, spec.partitions,
 * spec.config.*). KafkaNodePools only count brokers; other kinds are ignored.
 */
export const strimziHandler: FormatHandler = {
  format: 'strimzi',
  detect: (file, text) => /\.ya?ml$/i.test(file) && STRIMZI.test(text.slice(0, 65536)),
  parse(file: string, text: string, options?: ParseOptions): ParsedFile {
    const parsed: ParsedFile = { file, format: 'strimzi', text, units: [], suppressions: [], problems: [] };
    const binary = binaryProblem(file, text);
    if (binary !== undefined) return { ...parsed, problems: [binary] };
    const index = new LineIndex(text);
    const tree = readYamlTree(file, text, { version: '1.1' });
    parsed.problems.push(...tree.problems);
    markFatalWhenEmpty(parsed, tree);
    const all = resources(file, tree);
    for (const r of all.filter((x) => x.kind === 'Kafka' || x.kind === 'KafkaTopic')) {
      const role = r.kind === 'Kafka' ? 'broker' : 'topic';
      const topicName = r.kind === 'KafkaTopic' ? (valueAt(tree, ['spec', 'topicName'], r.doc)?.value ?? r.name) : r.name;
      const unit: ConfigUnit = createUnit({ id: r.id, file, role: options?.role ?? role, dialect: 'java', roleSource: options?.role ? 'explicit' : 'keys', name: topicName });
      for (const leaf of leavesUnder(tree, ['spec'], r.doc)) {
        const key = keyOf(r, leaf);
        if (key !== undefined) addEntry(unit, entryFromLeaf(file, index, leaf, key));
      }
      if (r.kind === 'Kafka') {
        const brokers = clusterBrokers(file, tree, all, r, index);
        if (brokers !== undefined) unit.clusterBrokers = brokers;
      }
      parsed.units.push(unit);
    }
    const s = collectSuppressions(file, tree.comments, tree.leaves.map((l) => index.position(l.keyStart).line));
    parsed.suppressions = s.suppressions;
    parsed.problems.push(...s.problems);
    return parsed;
  },
  applyEdits(parsed, edits) {
    const read = (t: string): TreeDoc => readYamlTree(parsed.file, t, { version: '1.1' });
    return applyTreeEdits(parsed, edits, {
      syntax: 'yaml',
      joinable: false,
      read,
      locate: (leaf, tree) => {
        const r = resources(parsed.file, tree).find((x) => x.doc === leaf.doc);
        const key = r === undefined ? undefined : keyOf(r, leaf);
        return r === undefined || key === undefined ? undefined : { unitIds: [r.id], key };
      },
      place: (unitId, key, value, tree) => {
        const r = resources(parsed.file, tree).find((x) => x.id === unitId);
        if (r === undefined) return undefined;
        const path =
          r.kind === 'Kafka' ? ['spec', 'kafka', 'config', key]
          : key === 'replication.factor' ? ['spec', 'replicas']
          : key === 'partitions' ? ['spec', 'partitions']
          : ['spec', 'config', key];
        return { doc: r.doc, path, value: { text: value, kind: 'auto' } };
      },
    });
  },
};
