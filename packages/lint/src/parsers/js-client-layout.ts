import { keySpec } from '../catalogue/index.js';
import { mapAt, type TreeDoc, type TreeLeaf } from './tree-doc.js';
import { kafkaOfOption, type OptionScope, scopesOf } from './kafkajs-options.js';

/** kafkajs option objects, or @confluentinc/kafka-javascript configs (`kafkaJS` block + librdkafka properties). */
export type ClientMode = 'kafkajs' | 'confluent-js';

/** A leaf read as a client setting. */
export interface ClientSetting {
  leaf: TreeLeaf;
  scope: OptionScope;
  key: string;
  value: string;
  /** Precedence: kafkajs-style options (0 shared, 1 per client) lose to librdkafka properties (2 shared, 3 per client). */
  layer: number;
}

/** Where the client config object sits: the root, or a `kafka` member of it. */
export function baseOf(tree: TreeDoc): string[] {
  const rootNames = new Set(tree.leaves.filter((l) => l.path.length === 1).map((l) => l.key));
  const rootMaps = new Set(tree.maps.filter((m) => m.path.length === 1).map((m) => m.path[0]));
  const looksLikeClient = ['brokers', 'clientId', 'bootstrap.servers'].some((k) => rootNames.has(k)) || ['kafkaJS', 'producer', 'consumer'].some((k) => rootMaps.has(k));
  return !looksLikeClient && rootMaps.has('kafka') ? ['kafka'] : [];
}

export function modeOf(tree: TreeDoc): ClientMode {
  return tree.leaves.some((l) => l.path.includes('kafkaJS')) || tree.maps.some((m) => m.path.includes('kafkaJS')) ? 'confluent-js' : 'kafkajs';
}

/** Scope of a shared option or property: the client whose table alone has it, else both. */
function sharedScope(style: 'kafkajs' | 'librdkafka', option: string): OptionScope {
  if (style === 'kafkajs') {
    const scopes = scopesOf(option);
    return scopes.length === 1 && scopes[0] !== 'common' ? (scopes[0] as OptionScope) : 'common';
  }
  const p = keySpec('producer', 'librdkafka', option) !== undefined;
  const c = keySpec('consumer', 'librdkafka', option) !== undefined;
  return p && !c ? 'producer' : c && !p ? 'consumer' : 'common';
}

/** Reads a leaf as a client setting, or undefined when it lies outside the client config. */
export function classify(tree: TreeDoc, mode: ClientMode, base: string[], leaf: TreeLeaf): ClientSetting | undefined {
  if (!base.every((b, i) => leaf.path[i] === b)) return undefined;
  const rel = leaf.path.slice(base.length);
  const head = rel[0] ?? '';
  let scope: OptionScope;
  let style: 'kafkajs' | 'librdkafka';
  let option: string[];
  let layer: number;
  if ((head === 'producer' || head === 'consumer') && rel.length > 1 && mapAt(tree, [...base, head], leaf.doc)) {
    scope = head;
    const rest = rel.slice(1);
    if (rest[0] === 'kafkaJS') [style, option, layer] = ['kafkajs', rest.slice(1), 1];
    else if (mode === 'confluent-js') [style, option, layer] = ['librdkafka', rest, 3];
    else [style, option, layer] = ['kafkajs', rest, 1];
  } else if ((head === 'send' || head === 'run' || head === 'subscribe') && rel.length > 1) {
    [scope, style, option, layer] = [head === 'send' ? 'producer' : 'consumer', 'kafkajs', rel.slice(1), 1];
  } else if (head === 'kafkaJS' && rel.length > 1) {
    [style, option, layer] = ['kafkajs', rel.slice(1), 0];
    scope = sharedScope(style, option.join('.'));
  } else {
    const name = rel.join('.');
    const kafkajsStyle = mode === 'kafkajs' || (!name.includes('.') && scopesOf(name).length > 0);
    [style, option, layer] = kafkajsStyle ? ['kafkajs', rel, 0] : ['librdkafka', rel, 2];
    scope = sharedScope(style, name);
  }
  const name = option.join('.');
  if (style === 'librdkafka') return { leaf, scope, key: name, value: leaf.value, layer };
  const converted = kafkaOfOption(scope === 'common' ? 'producer' : scope, name, leaf.value);
  return { leaf, scope, key: converted.key, value: converted.value, layer };
}
