import { keySpec } from '../catalogue/index.js';
import type { ConfigUnit, FormatHandler, ParsedFile, ParseOptions } from '../model.js';
import { type CommentAt, collectSuppressions } from './collect-suppressions.js';
import { addEntry, createUnit, makeEntry } from './config-unit.js';
import { durationMs } from './duration.js';
import { readLegacyFlinkConf } from './legacy-flink-conf.js';
import { LineIndex } from './line-index.js';
import { applyLineEdits } from './line-settings.js';
import { markFatalWhenEmpty } from './map-units.js';
import { normalizeScalar } from './normalize-value.js';
import { binaryProblem } from './read-input.js';
import { applyTreeEdits } from './tree-edits.js';
import { entryFromLeaf } from './tree-entries.js';
import { readYamlTree } from './yaml-tree.js';

const FLINK_KEY = /^[ \t]*(execution\.checkpointing|execution:|taskmanager[.:]|jobmanager[.:]|parallelism[.:]|state\.(backend|checkpoints|savepoints)|state:|restart-strategy|high-availability|pipeline[.:]|rest[.:]|env\.java)/m;
const baseName = (file: string): string => (file.split(/[\\/]/).pop() ?? file).toLowerCase();
const isLegacy = (file: string): boolean => baseName(file) === 'flink-conf.yaml';

/** Normalized value of a Flink option: durations of known duration keys in ms. */
export function flinkValue(key: string, value: string): string {
  const v = normalizeScalar(value);
  if (keySpec('flink', 'flink', key)?.unit === 'ms') return durationMs(v) ?? v;
  return v;
}

/**
 * Flink `config.yaml` (YAML 1.2, nested and flattened keys both read as
 * dotted keys) and the legacy `flink-conf.yaml` (Flink's own line format).
 * One unit per file, role flink, durations normalized to ms.
 */
export const flinkConfHandler: FormatHandler = {
  format: 'flink-conf',
  detect(file, text) {
    if (isLegacy(file)) return true;
    return /\.ya?ml$/i.test(file) && FLINK_KEY.test(text.slice(0, 8192));
  },
  parse(file: string, text: string, options?: ParseOptions): ParsedFile {
    const parsed: ParsedFile = { file, format: 'flink-conf', text, units: [], suppressions: [], problems: [] };
    const binary = binaryProblem(file, text);
    if (binary !== undefined) return { ...parsed, problems: [binary] };
    const index = new LineIndex(text);
    const roleSource: ConfigUnit['roleSource'] = options?.role !== undefined ? 'explicit' : /^(flink-conf|config)\.ya?ml$/.test(baseName(file)) ? 'file-name' : 'keys';
    const unit = createUnit({ id: file, file, role: options?.role ?? 'flink', dialect: 'flink', roleSource });
    let lines: number[];
    let comments: CommentAt[];
    if (isLegacy(file)) {
      const legacy = readLegacyFlinkConf(file, text, index);
      for (const s of legacy.settings) {
        addEntry(unit, makeEntry({ key: s.key, rawKey: s.key, value: flinkValue(s.key, s.value), rawValue: s.value, file, position: index.position(s.keyStart), valuePosition: index.position(s.valueStart) }));
      }
      parsed.problems.push(...legacy.problems);
      lines = legacy.settings.map((s) => index.position(s.keyStart).line);
      comments = legacy.comments;
    } else {
      const tree = readYamlTree(file, text);
      parsed.problems.push(...tree.problems);
      for (const leaf of tree.leaves.filter((l) => l.doc === 0)) {
        const key = leaf.path.join('.');
        addEntry(unit, entryFromLeaf(file, index, leaf, key, flinkValue(key, leaf.value)));
      }
      lines = tree.leaves.map((l) => index.position(l.keyStart).line);
      comments = tree.comments;
      markFatalWhenEmpty(parsed, tree);
    }
    const s = collectSuppressions(file, comments, lines);
    parsed.suppressions = s.suppressions;
    parsed.problems.push(...s.problems);
    if (unit.entries.size > 0) parsed.units.push(unit);
    return parsed;
  },
  applyEdits(parsed, edits) {
    const unitIds = [parsed.file];
    if (isLegacy(parsed.file)) {
      return applyLineEdits(parsed, edits, {
        read: (t) => readLegacyFlinkConf(parsed.file, t).settings,
        locate: (s) => ({ unitIds, key: s.key }),
        spell: (_u, key) => key,
        line: (key, value) => `${key}: ${value}`,
        value: (value) => value,
      });
    }
    return applyTreeEdits(parsed, edits, {
      syntax: 'yaml',
      joinable: true,
      read: (t) => readYamlTree(parsed.file, t),
      locate: (leaf) => (leaf.doc === 0 ? { unitIds, key: leaf.path.join('.') } : undefined),
      place: (_u, key, value) => ({ doc: 0, path: key.split('.'), value: { text: value, kind: 'auto' } }),
    });
  },
};
