import type { ConfigEntry } from '../model.js';
import { makeEntry } from './config-unit.js';
import type { LineIndex } from './line-index.js';
import { normalizeScalar } from './normalize-value.js';
import type { TreeLeaf } from './tree-doc.js';

/**
 * An entry for a YAML/JSON leaf. `key` is the normalized key; `value`
 * overrides the leaf's value (after unit conversions such as durations).
 */
export function entryFromLeaf(file: string, index: LineIndex, leaf: TreeLeaf, key: string, value?: string, rawKey?: string): ConfigEntry {
  return makeEntry({
    key,
    rawKey: rawKey ?? leaf.path.join('.'),
    value: value ?? normalizeScalar(leaf.value),
    rawValue: leaf.type === 'string' ? leaf.rawValue : leaf.value === '' ? '' : leaf.rawValue,
    file,
    position: index.position(leaf.keyStart),
    valuePosition: index.position(leaf.valueStart),
  });
}
