import type { FormatHandler, ParsedFile, ParseOptions } from '../model.js';
import { locateMapLeaf, mapUnits } from './map-units.js';
import { binaryProblem } from './read-input.js';
import { applyTreeEdits } from './tree-edits.js';
import { readYamlTree } from './yaml-tree.js';

/**
 * Generic YAML client configs: a flat or nested map of Kafka keys, or
 * `producer:`/`consumer:`/`streams:`/`broker:`/`topic:` sections sharing
 * top-level keys. Multi-document files give units per document.
 */
export const yamlHandler: FormatHandler = {
  format: 'yaml',
  detect: (file) => /\.ya?ml$/i.test(file),
  parse(file: string, text: string, options?: ParseOptions): ParsedFile {
    const binary = binaryProblem(file, text);
    if (binary !== undefined) return { file, format: 'yaml', text, units: [], suppressions: [], problems: [binary] };
    return mapUnits(file, text, readYamlTree(file, text), 'yaml', options);
  },
  applyEdits(parsed, edits) {
    const ids = new Set(parsed.units.map((u) => u.id));
    return applyTreeEdits(parsed, edits, {
      syntax: 'yaml',
      joinable: false,
      read: (t) => readYamlTree(parsed.file, t),
      locate: (leaf, tree) => locateMapLeaf(parsed.file, tree, leaf, ids),
      place: (unitId, key, value) => placeInMap(parsed.file, unitId, key, value),
    });
  },
};

/** Where a new key of a generic-map unit goes: `<file>#[docN.]section` -> [section, key]. */
export function placeInMap(file: string, unitId: string, key: string, value: string): { doc: number; path: string[]; value: { text: string; kind: 'auto' } } {
  const suffix = unitId.startsWith(file + '#') ? unitId.slice(file.length + 1) : '';
  const parts = suffix === '' ? [] : suffix.split('.');
  let doc = 0;
  if (parts[0] !== undefined && /^doc\d+$/.test(parts[0])) doc = Number(parts.shift()?.slice(3)) - 1;
  return { doc, path: [...parts, key], value: { text: value, kind: 'auto' } };
}
