import type { Pipeline } from './pipeline.js';
import type { UnitView } from './unit-view.js';

/** Whether a unit takes part in exactly-once; `unknown` carries what was assumed. */
export type EosState = { inUse: 'yes' | 'no' } | { inUse: 'unknown'; assumption: string };

/** True when a unit writes transactionally (producer with transactional.id, Streams EOS, Flink exactly-once sink). */
export function writesTransactionally(view: UnitView): boolean {
  switch (view.unit.role) {
    case 'producer':
      return (view.get('transactional.id') ?? '').trim() !== '';
    case 'streams':
      return (view.get('processing.guarantee') ?? '').startsWith('exactly_once');
    case 'flink':
      return view.flinkKinds.has('flink-sink') && flinkSinkExactlyOnce(view);
    default:
      return false;
  }
}

function flinkSinkExactlyOnce(view: UnitView): boolean {
  const semantic = view.userEntry('sink.semantic')?.value;
  const guarantee = view.userEntry('sink.delivery-guarantee')?.value ?? semantic ?? view.get('sink.delivery-guarantee');
  return (guarantee ?? '').toLowerCase().replace('_', '-') === 'exactly-once';
}

/**
 * Decides whether EOS rules apply to a unit. Brokers and topics always
 * matter; consumers and Flink sources depend on what feeds them: eos.yaml's
 * `feeds`, else any transactional writer linted in the same run, else the
 * unit's own intent (read_committed set explicitly), else unknown.
 */
export function eosState(view: UnitView, pipeline: Pipeline): EosState {
  const { role } = view.unit;
  if (role === 'broker' || role === 'topic') return { inUse: 'yes' };
  if (role === 'producer' || role === 'streams') return { inUse: writesTransactionally(view) ? 'yes' : 'no' };
  if (role === 'flink' && view.flinkKinds.has('flink-sink') && !view.flinkKinds.has('flink-source')) {
    return { inUse: writesTransactionally(view) ? 'yes' : 'no' };
  }
  if (role === 'flink' && view.flinkKinds.has('flink-job')) {
    const sinks = pipeline.ofRole('flink').filter((v) => v.flinkKinds.has('flink-sink'));
    if (sinks.some(writesTransactionally)) return { inUse: 'yes' };
    if (sinks.length > 0) return { inUse: 'no' };
    return { inUse: 'unknown', assumption: 'no Flink Kafka sink was linted with this job config; assuming it feeds an exactly-once sink' };
  }
  return upstreamState(view, pipeline);
}

function upstreamState(view: UnitView, pipeline: Pipeline): EosState {
  const declared = pipeline.declaredUpstream(view.unit.id);
  if (declared) {
    const writers = declared.map((id) => pipeline.view(id)).filter((v): v is UnitView => v !== undefined);
    return { inUse: writers.some(writesTransactionally) ? 'yes' : 'no' };
  }
  // A manifest that declares feeds is the whole truth: a consumer nobody feeds reads no transactional topic.
  if (pipeline.facts.feeds && pipeline.facts.feeds.length > 0) return { inUse: 'no' };
  if (pipeline.facts.upstreamTransactional !== undefined) {
    return { inUse: pipeline.facts.upstreamTransactional ? 'yes' : 'no' };
  }
  if (pipeline.views.some((v) => v !== view && writesTransactionally(v))) return { inUse: 'yes' };
  const intent = view.userEntry('isolation.level')?.value === 'read_committed';
  if (intent) return { inUse: 'yes' };
  return {
    inUse: 'unknown',
    assumption: 'no transactional producer was linted with this consumer; assuming it reads topics written by one',
  };
}
