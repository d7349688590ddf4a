import { activeCatalogue } from '../engine/active-catalogue.js';
import { displayKey } from '../engine/display-key.js';
import { ruleApplies } from '../engine/evaluate-rule.js';
import { parseDurationMs, parseNumber } from '../engine/parse-number.js';
import { Pipeline } from '../engine/pipeline.js';
import { printableValue } from '../engine/redact.js';
import type { EffectiveValue, UnitView } from '../engine/unit-view.js';
import { flinkJobs } from '../functions/flink-checkpointing.js';
import type { ConfigUnit, Role } from '../model.js';
import type { LintResult } from './lint-sources.js';

/** One side of a cross-file relation. */
export interface PipelineValue {
  /** Key as written (or as it would be written when not set); `brokers` for the broker count. */
  key: string;
  value: string | null;
  /** Where the value is written, or the unit it belongs to; absent for facts from outside (eos.yaml, live cluster). */
  file?: string;
  line?: number;
  role?: Role;
  /** `user` when written; otherwise how it was obtained: default, derived, inherited, unset, assumed, declared, counted, computed. */
  source: string;
  /** Where a default, assumption or count comes from. */
  note?: string;
}

/** A relation between configs that an exactly-once pipeline depends on, and whether it holds. */
export interface PipelineLink {
  /** The rule that checks the relation. */
  ruleId: string;
  title: string;
  /** The value checked (a producer's transaction.timeout.ms). */
  subject: PipelineValue;
  /** The relation that must hold: `subject op limit` (min.insync.replicas `<` replication.factor). */
  op: '<=' | '<' | '>=' | '>';
  /** What it must respect (the brokers' transaction.max.timeout.ms, the broker count). */
  limit: PipelineValue;
  /** From the findings of the run: violated (finding), suppressed (finding suppressed), ok, or unknown (a value is missing). */
  status: 'ok' | 'violated' | 'suppressed' | 'unknown';
}

type Op = PipelineLink['op'];
type Sides = { subject: PipelineValue; op: Op; limit: PipelineValue; numeric: boolean };

/**
 * The cross-file relations of a lint run (which producer settings meet which
 * broker limits, replication factors vs the broker count, min.insync.replicas
 * vs replication factors, Flink transaction timeouts vs checkpoints), for the
 * summary screen of the interactive audit. Relations come from the rules that
 * compare values (their functions and options are data); whether one holds is
 * taken from the run's findings, so it never disagrees with the report.
 */
export function describePipeline(result: LintResult, options: { extraUnits?: ConfigUnit[] } = {}): PipelineLink[] {
  const units = [...result.files.flatMap((f) => f.units), ...(options.extraUnits ?? [])];
  const pipeline = new Pipeline(units, { kafkaVersion: result.kafkaVersion, catalogue: activeCatalogue(), facts: result.facts });
  const links: PipelineLink[] = [];
  for (const rule of result.rules) {
    if (!rule.then?.function || !RELATIONS[rule.then.function]) continue;
    for (const view of pipeline.views) {
      if (!ruleApplies(rule, view, pipeline).applies) continue;
      const sides = RELATIONS[rule.then.function]?.(view, pipeline, rule.then.options ?? {});
      if (!sides) continue;
      const found = result.findings.find((f) => f.ruleId === rule.id && f.unitId === view.unit.id);
      const status = found ? (found.suppressed ? 'suppressed' : 'violated') : sides.numeric ? 'ok' : 'unknown';
      links.push({ ruleId: rule.id, title: rule.title, subject: sides.subject, op: sides.op, limit: sides.limit, status });
    }
  }
  return links;
}

type Relation = (view: UnitView, pipeline: Pipeline, options: Record<string, unknown>) => Sides | undefined;

/** Rule functions that compare two values, and how to read their two sides. */
const RELATIONS: Record<string, Relation> = {
  'limit-vs-broker': (view, pipeline, o) => {
    const op = o.op as Op;
    const subject = view.effective(o.key as string);
    if (subject.value !== null && ((o.unlimited as string[] | undefined) ?? []).includes(subject.value)) return undefined;
    const broker = pipeline.brokerValue(o.brokerKey as string, op.startsWith('<') ? 'min' : 'max');
    return sides(side(view, subject), op, broker.from ? side(broker.from, broker) : { key: broker.key, value: broker.value, role: 'broker', source: 'assumed', note: 'broker default' });
  },
  'replication-vs-broker-count': (view, pipeline, o) => {
    const count = pipeline.brokerCount();
    if (!count) return undefined;
    const limit: PipelineValue = { key: 'brokers', value: String(count.count), source: count.declared ? 'declared' : 'counted', note: count.source };
    return sides(side(view, view.effective(o.key as string)), '<=', limit);
  },
  'min-isr-vs-rf': (view, _pipeline, o) => {
    const rf = view.effective(o.rfKey as string);
    return sides(side(view, view.effective(o.minIsrKey as string)), '<', side(rf.from ?? view, rf));
  },
  'flink-transaction-timeout-vs-checkpoints': (view, pipeline) => {
    const job = flinkJobs(pipeline.views).find((j) => j.userEntry('execution.checkpointing.interval'));
    if (!job || view === job) return undefined;
    const interval = parseDurationMs(job.get('execution.checkpointing.interval'));
    const timeout = parseDurationMs(job.get('execution.checkpointing.timeout'));
    const tolerable = parseNumber(job.get('execution.checkpointing.tolerable-failed-checkpoints')) ?? 0;
    const bound = interval === null || timeout === null ? null : String((tolerable + 1) * (interval + timeout));
    const at = job.userEntry('execution.checkpointing.interval')?.position ?? job.anchor;
    const limit: PipelineValue = {
      key: 'checkpoint bound', value: bound, file: job.unit.file, line: at.line, role: 'flink', source: 'computed',
      note: `(tolerable failed checkpoints ${tolerable} + 1) x (interval + checkpoint timeout)`,
    };
    return sides(side(view, view.effective('transaction.timeout.ms')), '>=', limit);
  },
};

function sides(subject: PipelineValue, op: Op, limit: PipelineValue): Sides {
  return { subject, op, limit, numeric: parseNumber(subject.value) !== null && parseNumber(limit.value) !== null };
}

function side(view: UnitView, effective: EffectiveValue): PipelineValue {
  const { unit } = view;
  const entry = effective.entry;
  const at = entry?.position ?? view.anchor;
  return {
    key: entry?.rawKey ?? displayKey(unit.role, unit.dialect, effective.key),
    value: entry ? printableValue(entry) : effective.value,
    file: unit.file,
    line: at.line,
    role: unit.role,
    source: effective.source,
    ...(effective.note ? { note: effective.note } : effective.assumption ? { note: effective.assumption } : {}),
  };
}
