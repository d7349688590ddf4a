import type { ClusterBrokers, ConfigUnit, Edit, FormatHandler, ParsedFile, ParseOptions } from '../model.js';
import { collectSuppressions } from './collect-suppressions.js';
import { addEntry, createUnit, makeEntry } from './config-unit.js';
import { envOfKafkaKey, isBitnami, kafkaKeyOfEnv } from './kafka-env-names.js';
import { LineIndex } from './line-index.js';
import { markFatalWhenEmpty } from './map-units.js';
import { normalizeScalar } from './normalize-value.js';
import { binaryProblem } from './read-input.js';
import { yamlScalar } from './scalar-writer.js';
import { afterLineBreak, lineStartOf, newlineOf, splice } from './text-splice.js';
import { type SeqItem, type TreeDoc, valueAt } from './tree-doc.js';
import { applyTreeEdits } from './tree-edits.js';
import { readYamlTree } from './yaml-tree.js';

const COMPOSE_NAME = /(^|[\\/])(docker-)?compose[\w.-]*\.ya?ml$/i;
const BROKER_KEYS = new Set(['node.id', 'broker.id', 'process.roles', 'listeners', 'advertised.listeners', 'zookeeper.connect', 'controller.quorum.voters', 'log.dirs']);

/** One KAFKA_* variable of a service, in either `environment` form. */
interface EnvVar {
  name: string;
  value: string;
  rawValue: string;
  keyStart: number;
  valueStart: number;
  /** List form: the item holding `NAME=value`. */
  item?: SeqItem;
}

interface Service {
  name: string;
  id: string;
  image: string;
  bitnami: boolean;
  vars: EnvVar[];
  /** List form (`- KAFKA_X=1`) rather than a map. */
  list: SeqItem[] | undefined;
  keyStart: number;
}

function services(file: string, tree: TreeDoc): Service[] {
  const names = [...new Set(tree.leaves.filter((l) => l.doc === 0 && l.path[0] === 'services' && l.path.length >= 3).map((l) => l.path[1] as string))];
  const out: Service[] = [];
  for (const name of names) {
    const envLeaves = tree.leaves.filter((l) => l.doc === 0 && l.path[0] === 'services' && l.path[1] === name && l.path[2] === 'environment');
    const listLeaf = envLeaves.find((l) => l.path.length === 3 && l.type === 'seq');
    const vars: EnvVar[] = [];
    if (listLeaf?.items !== undefined) {
      for (const item of listLeaf.items) {
        const eq = item.value.indexOf('=');
        if (eq <= 0) continue; // `- NAME` passes the host's value through: nothing to lint
        const inner = item.start + (item.quote ? 1 : 0);
        const simple = item.quote === null || !item.value.includes('\\');
        vars.push({ name: item.value.slice(0, eq), value: item.value.slice(eq + 1), rawValue: item.value.slice(eq + 1), keyStart: inner, valueStart: simple ? inner + eq + 1 : inner, item });
      }
    } else {
      for (const l of envLeaves.filter((x) => x.path.length === 4)) {
        vars.push({ name: l.key, value: l.value, rawValue: l.rawValue, keyStart: l.keyStart, valueStart: l.valueStart });
      }
    }
    const svcKey = tree.leaves.find((l) => l.path[0] === 'services' && l.path[1] === name);
    out.push({ name, id: `${file}#services.${name}`, image: valueAt(tree, ['services', name, 'image'], 0)?.value ?? '', bitnami: isBitnami(vars.map((v) => v.name)), vars, list: listLeaf?.items, keyStart: svcKey?.keyStart ?? 0 });
  }
  return out;
}

function isBroker(s: Service): boolean {
  const keys = s.vars.map((v) => kafkaKeyOfEnv(v.name, s.bitnami)).filter((k): k is string => k !== undefined);
  if (keys.length === 0) return false;
  return /kafka|cp-server/i.test(s.image) || keys.some((k) => BROKER_KEYS.has(k));
}

/**
 * docker-compose files: every service running a Kafka broker image (or with
 * broker keys in its environment) is a broker unit; `environment` in map or
 * list form, KAFKA_* names mapped as in .env files. Each broker unit carries
 * the number of broker services as its cluster's broker count.
 */
export const composeHandler: FormatHandler = {
  format: 'compose',
  detect: (file, text) => COMPOSE_NAME.test(file) || (/\.ya?ml$/i.test(file) && /^services:\s*$/m.test(text) && /^\s+environment:/m.test(text)),
  parse(file: string, text: string, options?: ParseOptions): ParsedFile {
    const parsed: ParsedFile = { file, format: 'compose', text, units: [], suppressions: [], problems: [] };
    const binary = binaryProblem(file, text);
    if (binary !== undefined) return { ...parsed, problems: [binary] };
    const index = new LineIndex(text);
    const tree = readYamlTree(file, text);
    parsed.problems.push(...tree.problems);
    markFatalWhenEmpty(parsed, tree);
    const brokers = services(file, tree).filter(isBroker);
    const units: ConfigUnit[] = brokers.map((s) => {
      const unit = createUnit({ id: s.id, file, role: options?.role ?? 'broker', dialect: 'java', roleSource: options?.role ? 'explicit' : 'keys', name: s.name });
      for (const v of s.vars) {
        const key = kafkaKeyOfEnv(v.name, s.bitnami);
        if (key === undefined) continue;
        addEntry(unit, makeEntry({ key, rawKey: v.name, value: normalizeScalar(v.value), rawValue: v.rawValue, file, position: index.position(v.keyStart), valuePosition: index.position(v.valueStart) }));
      }
      return unit;
    });
    // Controller-only KRaft nodes hold no partitions: they do not count as brokers.
    const brokerUnits = units.filter((u) => {
      const roles = u.entries.get('process.roles')?.value;
      return roles === undefined || roles.split(',').map((r) => r.trim()).includes('broker');
    });
    const first = brokers[0];
    if (first !== undefined && brokerUnits.length > 0) {
      const count: ClusterBrokers = { count: brokerUnits.length, file, position: index.position(first.keyStart), source: `${brokerUnits.length} broker service(s) in ${file}` };
      for (const u of units) u.clusterBrokers = count;
    }
    parsed.units = units;
    const lines = brokers.flatMap((s) => s.vars.map((v) => index.position(v.keyStart).line));
    const sup = collectSuppressions(file, tree.comments, lines);
    parsed.suppressions = sup.suppressions;
    parsed.problems.push(...sup.problems);
    return parsed;
  },
  applyEdits(parsed, edits) {
    let text = parsed.text;
    for (const edit of edits) text = applyOne({ ...parsed, text }, edit);
    return text;
  },
};

function applyOne(parsed: ParsedFile, edit: Edit): string {
  const tree = readYamlTree(parsed.file, parsed.text);
  const svc = services(parsed.file, tree).find((s) => s.id === edit.unitId);
  if (svc === undefined || !parsed.units.some((u) => u.id === edit.unitId)) throw new RangeError(`no unit "${edit.unitId}" in ${parsed.file}`);
  if (svc.list === undefined) {
    return applyTreeEdits(parsed, [edit], {
      syntax: 'yaml',
      joinable: false,
      read: (t) => readYamlTree(parsed.file, t),
      locate: (leaf) => {
        if (leaf.path.length !== 4 || leaf.path[0] !== 'services' || leaf.path[1] !== svc.name || leaf.path[2] !== 'environment') return undefined;
        const key = kafkaKeyOfEnv(leaf.key, svc.bitnami);
        return key === undefined ? undefined : { unitIds: [svc.id], key };
      },
      place: (_u, key, value) => ({ doc: 0, path: ['services', svc.name, 'environment', envOfKafkaKey(key, svc.bitnami)], value: { text: value, kind: 'string' } }),
    });
  }
  // List form: rewrite whole `NAME=value` items.
  let text = parsed.text;
  const ofKey = (key: string): EnvVar[] => svc.vars.filter((v) => v.item !== undefined && kafkaKeyOfEnv(v.name, svc.bitnami) === key);
  const item = (name: string, value: string, quote: '"' | "'" | null): string => yamlScalar({ text: `${name}=${value}`, kind: 'string' }, quote);
  if (edit.kind === 'set') {
    const last = ofKey(edit.key).at(-1)?.item;
    if (last !== undefined) return splice(text, last.start, last.end, item(ofKey(edit.key).at(-1)?.name ?? '', edit.value, last.quote));
    const tail = svc.list.at(-1);
    const written = item(envOfKafkaKey(edit.key, svc.bitnami), edit.value, tail?.quote ?? null);
    if (tail === undefined) throw new RangeError(`${parsed.file}: service ${svc.name} has an empty environment list`);
    const lineStart = lineStartOf(text, tail.start);
    const prefix = text.slice(lineStart, tail.start);
    if (/^\s*-\s*$/.test(prefix)) {
      const at = afterLineBreak(text, tail.end);
      const ended = at > 0 && /[\r\n]/.test(text[at - 1] as string);
      const nl = newlineOf(text);
      return splice(text, at, at, (ended ? '' : nl) + prefix + written + (ended ? nl : ''));
    }
    return splice(text, tail.end, tail.end, `, ${written}`);
  }
  if (edit.kind === 'remove') {
    for (const v of ofKey(edit.key).reverse()) {
      const it = v.item as SeqItem;
      const lineStart = lineStartOf(text, it.start);
      text = /^\s*-\s*$/.test(text.slice(lineStart, it.start)) ? splice(text, lineStart, afterLineBreak(text, it.end), '') : removeFlowItem(text, it);
    }
    return text;
  }
  for (const v of ofKey(edit.from).reverse()) {
    const it = v.item as SeqItem;
    text = splice(text, it.start, it.end, item(envOfKafkaKey(edit.to, svc.bitnami), v.value, it.quote));
  }
  return text;
}

function removeFlowItem(text: string, it: SeqItem): string {
  let end = it.end;
  while (/[ \t]/.test(text[end] ?? '')) end++;
  if (text[end] === ',') return splice(text, it.start, end + 1 + (text[end + 1] === ' ' ? 1 : 0), '');
  let start = it.start;
  while (start > 0 && /[ \t]/.test(text[start - 1] as string)) start--;
  if (text[start - 1] === ',') start--;
  return splice(text, start, it.end, '');
}
