import type { FormatHandler, ParsedFile, ParseOptions } from '../model.js';
import { readJsonTree } from './json-tree.js';
import { locateMapLeaf, mapUnits } from './map-units.js';
import { binaryProblem } from './read-input.js';
import { applyTreeEdits } from './tree-edits.js';
import { placeInMap } from './yaml-handler.js';

/**
 * Generic JSON client configs (`{"bootstrap.servers": ..., "producer": {...}}`),
 * JSONC comments allowed (for suppressions). kafkajs and
 * @confluentinc/kafka-javascript shapes go to the client-js handler.
 */
export const jsonHandler: FormatHandler = {
  format: 'json',
  detect: (file) => /\.json[c5]?$/i.test(file),
  parse(file: string, text: string, options?: ParseOptions): ParsedFile {
    const binary = binaryProblem(file, text);
    if (binary !== undefined) return { file, format: 'json', text, units: [], suppressions: [], problems: [binary] };
    return mapUnits(file, text, readJsonTree(file, text), 'json', options);
  },
  applyEdits(parsed, edits) {
    const ids = new Set(parsed.units.map((u) => u.id));
    return applyTreeEdits(parsed, edits, {
      syntax: 'json',
      joinable: false,
      read: (t) => readJsonTree(parsed.file, t),
      locate: (leaf, tree) => locateMapLeaf(parsed.file, tree, leaf, ids),
      place: (unitId, key, value) => placeInMap(parsed.file, unitId, key, value),
    });
  },
};
