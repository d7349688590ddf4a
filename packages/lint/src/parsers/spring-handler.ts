import type { ConfigEntry, ConfigUnit, FormatHandler, ParsedFile, ParseOptions, Position, Role } from '../model.js';
import { type CommentAt, collectSuppressions } from './collect-suppressions.js';
import { addLayers, createUnit, makeEntry } from './config-unit.js';
import { LineIndex } from './line-index.js';
import { markFatalWhenEmpty } from './map-units.js';
import { applyPropertiesEdits } from './properties-edits.js';
import { readProperties } from './properties-reader.js';
import { binaryProblem } from './read-input.js';
import { decideRole } from './role-detection.js';
import { type SpringKey, springKey, springName } from './spring-names.js';
import { applyTreeEdits } from './tree-edits.js';
import { readYamlTree } from './yaml-tree.js';

const SPRING_NAME = /(^|\/|\\)(application|bootstrap)([-.][\w.-]*)?\.(ya?ml|properties)$/i;
const SPRING_CONTENT = /^\s*spring\.kafka\.|^spring:\s*$[\s\S]*?^\s+kafka:/m;
const SECTIONS = ['producer', 'consumer', 'streams'] as const;

/** One spring.kafka property as read from either syntax. */
interface SpringSetting {
  name: string;
  value: string;
  rawValue: string;
  doc: number;
  position: Position;
  valuePosition: Position;
}

const isProperties = (file: string, text: string): boolean => /\.properties$/i.test(file) || !/\.ya?ml$/i.test(file) && !/^\s*spring:/m.test(text);

/** Unit id of a section of a document: `<file>#spring.kafka.producer` (`#doc2.spring.kafka.producer` in multi-document YAML). */
function unitId(file: string, docs: number, doc: number, section: string): string {
  return `${file}#${docs > 1 ? `doc${doc + 1}.` : ''}spring.kafka${section === '' ? '' : '.' + section}`;
}

/**
 * Spring Boot `spring.kafka.*` in application.yml/.properties: one unit per
 * producer/consumer/streams section, fed by the shared keys
 * (`bootstrap-servers`, `properties.*`, ssl) in Spring's precedence; Spring
 * names mapped to Kafka keys (`transaction-id-prefix` -> transactional.id,
 * `isolation-level: read-committed` -> isolation.level=read_committed,
 * durations and data sizes to ms and bytes). Other Spring properties are
 * ignored.
 */
export const springHandler: FormatHandler = {
  format: 'spring',
  detect(file, text) {
    if (!/\.(ya?ml|properties)$/i.test(file)) return false;
    // An application.yml without spring.kafka is still Spring's: it yields no unit rather than a role warning.
    return SPRING_NAME.test(file) || SPRING_CONTENT.test(text.slice(0, 16384));
  },
  parse(file: string, text: string, options?: ParseOptions): ParsedFile {
    const parsed: ParsedFile = { file, format: 'spring', text, units: [], suppressions: [], problems: [] };
    const binary = binaryProblem(file, text);
    if (binary !== undefined) return { ...parsed, problems: [binary] };
    const { settings, comments, lines, docs } = readSpring(file, text, parsed);
    for (let doc = 0; doc < docs; doc++) {
      const mine = settings.filter((s) => s.doc === doc).map((s) => ({ s, k: springKey(s.name) })).filter((x): x is { s: SpringSetting; k: SpringKey } => x.k !== undefined);
      if (mine.length === 0) continue;
      const present = SECTIONS.filter((sec) => mine.some((x) => x.k.section === sec));
      const plans: { section: string; role: Role; source: ConfigUnit['roleSource'] }[] = present.map((sec) => ({ section: sec, role: sec, source: 'keys' as const }));
      if (plans.length === 0) {
        const decision = decideRole(file, mine.map((x) => x.k.key), options);
        if (decision === undefined) {
          parsed.problems.push({ file, position: mine[0]?.s.position ?? { line: 1, column: 1 }, message: 'spring.kafka has no producer, consumer or streams section and its keys do not tell the role; pass --role', fatal: false });
          continue;
        }
        plans.push({ section: '', role: decision.role, source: decision.source });
      }
      for (const plan of plans) {
        const unit = createUnit({ id: unitId(file, docs, doc, plan.section), file, role: plan.role, dialect: 'java', roleSource: plan.source, name: `spring.kafka${plan.section ? '.' + plan.section : ''}` });
        const layers: ConfigEntry[][] = [[], [], [], []];
        for (const { s, k } of mine) {
          if (k.section !== 'common' && k.section !== plan.section) continue;
          layers[k.rank]?.push(makeEntry({ key: k.key, rawKey: s.name, value: k.value(s.value), rawValue: s.rawValue, file, position: s.position, valuePosition: s.valuePosition }));
        }
        addLayers(unit, layers);
        parsed.units.push(unit);
      }
    }
    const s = collectSuppressions(file, comments, lines);
    parsed.suppressions.push(...s.suppressions);
    parsed.problems.push(...s.problems);
    return parsed;
  },
  applyEdits(parsed, edits) {
    const ids = new Set(parsed.units.map((u) => u.id));
    const docsOf = parsed.units.some((u) => /#doc\d+\./.test(u.id)) ? 2 : 1;
    const targets = (doc: number, k: SpringKey): string[] =>
      (k.section === 'common' ? ['', ...SECTIONS] : [k.section]).map((sec) => unitId(parsed.file, docsOf, doc, sec)).filter((id) => ids.has(id));
    const sectionOfUnit = (id: string): (typeof SECTIONS)[number] | undefined => SECTIONS.find((sec) => id.endsWith('spring.kafka.' + sec));
    const nameFor = (id: string, key: string): string => {
      const sec = sectionOfUnit(id);
      return sec === undefined ? `spring.kafka.properties.${key}` : springName(sec, key);
    };
    if (isProperties(parsed.file, parsed.text)) {
      return applyPropertiesEdits(parsed, edits, {
        locate: (written) => {
          const k = springKey(written);
          return k === undefined ? undefined : { unitIds: targets(0, k), key: k.key, rank: k.rank };
        },
        spell: nameFor,
      });
    }
    return applyTreeEdits(parsed, edits, {
      syntax: 'yaml',
      joinable: true,
      read: (t) => readYamlTree(parsed.file, t, { version: '1.1' }),
      locate: (leaf) => {
        const k = springKey(leaf.path.join('.'));
        return k === undefined ? undefined : { unitIds: targets(leaf.doc, k), key: k.key, rank: k.rank };
      },
      place: (id, key, value) => {
        const doc = /#doc(\d+)\./.exec(id)?.[1];
        return { doc: doc === undefined ? 0 : Number(doc) - 1, path: nameFor(id, key).split('.'), value: { text: value, kind: 'auto' } };
      },
    });
  },
};

function readSpring(file: string, text: string, parsed: ParsedFile): { settings: SpringSetting[]; comments: CommentAt[]; lines: number[]; docs: number } {
  const index = new LineIndex(text);
  if (isProperties(file, text)) {
    const read = readProperties(file, text);
    parsed.problems.push(...read.problems);
    parsed.suppressions.push(...read.suppressions);
    const settings = read.settings.map((s) => ({ name: s.key, value: s.value, rawValue: s.value, doc: 0, position: s.position, valuePosition: s.valuePosition }));
    return { settings, comments: [], lines: [], docs: 1 };
  }
  const tree = readYamlTree(file, text, { version: '1.1' });
  parsed.problems.push(...tree.problems);
  markFatalWhenEmpty(parsed, tree);
  const settings = tree.leaves.map((l) => ({ name: l.path.join('.'), value: l.value, rawValue: l.rawValue, doc: l.doc, position: index.position(l.keyStart), valuePosition: index.position(l.valueStart) }));
  return { settings, comments: tree.comments, lines: settings.map((s) => s.position.line), docs: tree.docs };
}
