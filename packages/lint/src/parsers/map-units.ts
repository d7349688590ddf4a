import type { ConfigUnit, ParsedFile, ParseOptions, Role, SourceFormat } from '../model.js';
import { collectSuppressions } from './collect-suppressions.js';
import { addEntry, createUnit } from './config-unit.js';
import { dialectFromKeys } from './dialect-from-keys.js';
import { LineIndex } from './line-index.js';
import { decideRole } from './role-detection.js';
import type { TreeDoc, TreeLeaf } from './tree-doc.js';
import type { LeafTarget } from './tree-edits.js';
import { entryFromLeaf } from './tree-entries.js';
import { unknownRoleProblem } from './unknown-role.js';

/** Top-level keys that hold one client's settings in a shared config file. */
export const SECTION_ROLES: Readonly<Record<string, Role>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, Role>, {
    producer: 'producer',
    consumer: 'consumer',
    streams: 'streams',
    broker: 'broker',
    topic: 'topic',
  }),
);

/** Whether a leaf lies in a `producer:`/`consumer:`/... section, and which. */
function sectionOf(tree: TreeDoc, leaf: TreeLeaf): string | undefined {
  const first = leaf.path[0];
  if (first === undefined || leaf.path.length < 2 || SECTION_ROLES[first] === undefined) return undefined;
  return tree.maps.some((m) => m.doc === leaf.doc && m.path.length === 1 && m.path[0] === first) ? first : undefined;
}

function unitIdOf(file: string, tree: TreeDoc, doc: number, section: string | undefined): string {
  const docPart = tree.docs > 1 ? `doc${doc + 1}` : '';
  const parts = [docPart, section ?? ''].filter((p) => p !== '');
  return parts.length === 0 ? file : `${file}#${parts.join('.')}`;
}

/** Where a leaf goes: its units (shared keys go to every section of its document) and key. */
export function locateMapLeaf(file: string, tree: TreeDoc, leaf: TreeLeaf, units: Set<string>): LeafTarget | undefined {
  const section = sectionOf(tree, leaf);
  if (section !== undefined) {
    const id = unitIdOf(file, tree, leaf.doc, section);
    return units.has(id) ? { unitIds: [id], key: leaf.path.slice(1).join('.'), rank: 1 } : undefined;
  }
  const sections = Object.keys(SECTION_ROLES).filter((s) => units.has(unitIdOf(file, tree, leaf.doc, s)));
  const ids = sections.length > 0 ? sections.map((s) => unitIdOf(file, tree, leaf.doc, s)) : [unitIdOf(file, tree, leaf.doc, undefined)];
  return { unitIds: ids.filter((id) => units.has(id)), key: leaf.path.join('.'), rank: 0 };
}

/**
 * Units of a generic YAML/JSON client config: nested maps flattened to dotted
 * keys; top-level `producer:`/`consumer:`/`streams:`/`broker:`/`topic:` maps
 * become one unit each, sharing the top-level keys; otherwise one unit per
 * document with the role from options, file name or keys.
 */
export function mapUnits(file: string, text: string, tree: TreeDoc, format: SourceFormat, options?: ParseOptions): ParsedFile {
  const index = new LineIndex(text);
  const parsed: ParsedFile = { file, format, text, units: [], suppressions: [], problems: [...tree.problems] };
  for (let doc = 0; doc < tree.docs; doc++) {
    const leaves = tree.leaves.filter((l) => l.doc === doc);
    if (leaves.length === 0) continue;
    const sections = [...new Set(leaves.map((l) => sectionOf(tree, l)).filter((s): s is string => s !== undefined))];
    const shared = leaves.filter((l) => sectionOf(tree, l) === undefined);
    const plans: { id: string; role: Role; source: ConfigUnit['roleSource']; leaves: TreeLeaf[]; section?: string }[] = [];
    if (sections.length > 0) {
      for (const s of sections) {
        plans.push({ id: unitIdOf(file, tree, doc, s), role: SECTION_ROLES[s] as Role, source: 'keys', section: s, leaves: [...shared, ...leaves.filter((l) => sectionOf(tree, l) === s)] });
      }
    } else {
      const decision = decideRole(file, leaves.map((l) => l.path.join('.')), options);
      if (decision === undefined) {
        parsed.problems.push(unknownRoleProblem(file, index.position(leaves[0]?.keyStart ?? 0)));
        continue;
      }
      plans.push({ id: unitIdOf(file, tree, doc, undefined), role: decision.role, source: decision.source, leaves });
    }
    for (const plan of plans) {
      const keyOf = (l: TreeLeaf): string => (plan.section !== undefined && sectionOf(tree, l) === plan.section ? l.path.slice(1) : l.path).join('.');
      const dialect = dialectFromKeys(plan.role, plan.leaves.map(keyOf));
      const unit = createUnit({ id: plan.id, file, role: plan.role, dialect, roleSource: plan.source });
      if (plan.section !== undefined) unit.name = plan.section;
      // A section's own setting overrides a shared one without counting as a duplicate.
      const own = plan.leaves.filter((l) => plan.section !== undefined && sectionOf(tree, l) === plan.section);
      for (const l of own) addEntry(unit, entryFromLeaf(file, index, l, keyOf(l)));
      const sharedUnit = createUnit({ id: plan.id, file, role: plan.role, dialect, roleSource: plan.source });
      for (const l of plan.leaves.filter((x) => !own.includes(x))) addEntry(sharedUnit, entryFromLeaf(file, index, l, keyOf(l)));
      for (const [key, entry] of sharedUnit.entries) if (!unit.entries.has(key)) unit.entries.set(key, entry);
      unit.shadowed.push(...sharedUnit.shadowed);
      parsed.units.push(unit);
    }
  }
  const { suppressions, problems } = collectSuppressions(file, tree.comments, tree.leaves.map((l) => index.position(l.keyStart).line));
  parsed.suppressions = suppressions;
  parsed.problems.push(...problems);
  markFatalWhenEmpty(parsed, tree);
  return parsed;
}

/** A file that yielded no setting at all because of syntax errors could not be read: its first error is fatal. */
export function markFatalWhenEmpty(parsed: ParsedFile, tree: TreeDoc): void {
  const first = parsed.problems[0];
  if (tree.leaves.length === 0 && first !== undefined) first.fatal = true;
}
