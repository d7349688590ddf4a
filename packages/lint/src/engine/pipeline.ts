import type { ConfigUnit } from '../model.js';
import type { CataloguePort } from './catalogue-port.js';
import { stockDefault } from './stock-defaults.js';
import { createUnitView, type EffectiveValue, type UnitView } from './unit-view.js';

/** Facts about the pipeline that no single file holds (from eos.yaml, the caller, or a live cluster). */
export interface PipelineFacts {
  /** Brokers in the cluster, when declared. */
  brokerCount?: number;
  /** Where brokerCount came from, for messages ("eos.yaml", "the live cluster"). */
  brokerCountSource?: string;
  /** Producer-side unit ids -> consumer-side unit ids they feed. */
  feeds?: Array<{ from: string; to: string }>;
  /** Caller knows whether a consumer is fed by a transactional producer (lintConfig context). */
  upstreamTransactional?: boolean;
}

/** Broker count and whether it was declared or inferred from the broker configs linted. */
export interface BrokerCount {
  count: number;
  declared: boolean;
  source: string;
}

/** Which keys of a role inherit which broker keys when the user does not set them. */
const INHERITS: Partial<Record<ConfigUnit['role'], Record<string, string>>> = {
  streams: { 'topic.min.insync.replicas': 'min.insync.replicas' },
  topic: {
    'min.insync.replicas': 'min.insync.replicas',
    'unclean.leader.election.enable': 'unclean.leader.election.enable',
    'replication.factor': 'default.replication.factor',
    'retention.ms': 'log.retention.ms',
  },
};

/** All units linted together, with cross-file lookups. */
export class Pipeline {
  readonly views: UnitView[];
  readonly brokers: UnitView[];
  readonly facts: PipelineFacts;
  private readonly kafkaVersion: string;
  private readonly brokerCache = new Map<string, EffectiveValue & { from?: UnitView }>();
  private readonly valueIndex = new Map<string, Map<string, UnitView[]>>();

  constructor(units: ConfigUnit[], options: { kafkaVersion: string; catalogue: CataloguePort; facts?: PipelineFacts }) {
    this.kafkaVersion = options.kafkaVersion;
    this.facts = options.facts ?? {};
    const { kafkaVersion, catalogue } = options;
    this.brokers = units.filter((u) => u.role === 'broker').map((u) => createUnitView(u, kafkaVersion, catalogue));
    const inheritFor = (role: ConfigUnit['role']) => (key: string): EffectiveValue | undefined => {
      const brokerKey = INHERITS[role]?.[key];
      return brokerKey === undefined ? undefined : this.brokerValue(brokerKey, 'min');
    };
    this.views = units.map((u) =>
      u.role === 'broker'
        ? (this.brokers.find((b) => b.unit === u) as UnitView)
        : createUnitView(u, kafkaVersion, catalogue, inheritFor(u.role)),
    );
  }

  /** Views of one role. */
  ofRole(role: ConfigUnit['role']): UnitView[] {
    return this.views.filter((v) => v.unit.role === role);
  }

  /**
   * The broker-side value of `key`: the most restrictive (`min` or `max`) across
   * the broker configs linted, else the stock default, marked as an assumption.
   */
  brokerValue(key: string, pick: 'min' | 'max'): EffectiveValue & { from?: UnitView } {
    const id = `${pick}\0${key}`;
    let hit = this.brokerCache.get(id);
    if (!hit) {
      hit = this.computeBrokerValue(key, pick);
      this.brokerCache.set(id, hit);
    }
    return hit;
  }

  /** Views whose user value of `key` equals `value` (built once per key; for uniqueness rules). */
  withUserValue(key: string, value: string): readonly UnitView[] {
    let index = this.valueIndex.get(key);
    if (!index) {
      index = new Map();
      for (const view of this.views) {
        const v = view.userEntry(key)?.value;
        if (v === undefined) continue;
        const list = index.get(v);
        if (list) list.push(view);
        else index.set(v, [view]);
      }
      this.valueIndex.set(key, index);
    }
    return index.get(value) ?? [];
  }

  private computeBrokerValue(key: string, pick: 'min' | 'max'): EffectiveValue & { from?: UnitView } {
    let best: (EffectiveValue & { from?: UnitView }) | undefined;
    for (const broker of this.brokers) {
      const value = broker.effective(key);
      const n = Number(value.value);
      if (value.value === null || Number.isNaN(n)) {
        best ??= { ...value, from: broker };
        continue;
      }
      const current = Number(best?.value);
      if (!best || Number.isNaN(current) || (pick === 'min' ? n < current : n > current)) best = { ...value, from: broker };
    }
    if (best) return best;
    const stock = stockDefault('broker', 'java', key, this.kafkaVersion) ?? null;
    return {
      key,
      value: stock,
      source: 'default',
      assumption: `assuming the broker default ${key}=${stock ?? 'unset'}; lint the broker config with it to be sure`,
    };
  }

  /** The broker count: declared, else the number of broker configs linted, else null. */
  brokerCount(): BrokerCount | null {
    if (this.facts.brokerCount !== undefined) {
      return { count: this.facts.brokerCount, declared: true, source: this.facts.brokerCountSource ?? 'the declared broker count' };
    }
    // A file that states its cluster size (Strimzi replicas, compose broker services) counts as declared.
    for (const broker of this.brokers) {
      const stated = (broker.unit as ConfigUnit & { clusterBrokers?: { count: number; source: string; file: string } }).clusterBrokers;
      if (stated) return { count: stated.count, declared: true, source: `${stated.source} in ${stated.file}` };
    }
    if (this.brokers.length > 0) {
      const n = this.brokers.length;
      return { count: n, declared: false, source: `${n} broker config${n === 1 ? '' : 's'} linted` };
    }
    return null;
  }

  /** Unit ids that feed `unitId` according to eos.yaml (undefined: nothing declared). */
  declaredUpstream(unitId: string): string[] | undefined {
    const edges = this.facts.feeds?.filter((e) => e.to === unitId);
    return edges && edges.length > 0 ? edges.map((e) => e.from) : undefined;
  }

  /** The view of a unit id. */
  view(unitId: string): UnitView | undefined {
    return this.views.find((v) => v.unit.id === unitId);
  }
}
