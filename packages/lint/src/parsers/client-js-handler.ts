import type { ConfigEntry, ConfigUnit, FormatHandler, ParsedFile, ParseOptions, Role } from '../model.js';
import { collectSuppressions } from './collect-suppressions.js';
import { addLayers, createUnit } from './config-unit.js';
import { baseOf, classify, type ClientSetting, modeOf } from './js-client-layout.js';
import { readJsonTree } from './json-tree.js';
import { CALL_OPTIONS, optionOfKafka } from './kafkajs-options.js';
import { LineIndex } from './line-index.js';
import { markFatalWhenEmpty } from './map-units.js';
import { normalizeScalar } from './normalize-value.js';
import { binaryProblem } from './read-input.js';
import { decideRole } from './role-detection.js';
import { mapAt } from './tree-doc.js';
import { applyTreeEdits } from './tree-edits.js';
import { entryFromLeaf } from './tree-entries.js';
import { unknownRoleProblem } from './unknown-role.js';

const KAFKAJS_KEYS = /"(kafkaJS|brokers|clientId|idempotent|transactionalId|transactionTimeout|maxInFlightRequests|readUncommitted|groupId)"\s*:/;
const CLIENT_ROLES: Role[] = ['producer', 'consumer'];

/**
 * kafkajs and @confluentinc/kafka-javascript configs in JSON (JSONC comments
 * allowed). kafkajs options map to Kafka keys (`idempotent` ->
 * enable.idempotence, `readUncommitted: false` -> isolation.level=read_committed,
 * `retry.retries` -> retries...); for confluent-js the `kafkaJS` block is
 * translated likewise and librdkafka properties win over it. Units: the
 * `producer`/`consumer` objects, or the clients the options point to.
 */
export const clientJsHandler: FormatHandler = {
  format: 'client-js',
  detect: (file, text) => /\.json[c5]?$/i.test(file) && KAFKAJS_KEYS.test(text.slice(0, 65536)),
  parse(file: string, text: string, options?: ParseOptions): ParsedFile {
    const parsed: ParsedFile = { file, format: 'client-js', text, units: [], suppressions: [], problems: [] };
    const binary = binaryProblem(file, text);
    if (binary !== undefined) return { ...parsed, problems: [binary] };
    const index = new LineIndex(text);
    const tree = readJsonTree(file, text);
    parsed.problems.push(...tree.problems);
    markFatalWhenEmpty(parsed, tree);
    const mode = modeOf(tree);
    const base = baseOf(tree);
    const settings = tree.leaves.map((l) => classify(tree, mode, base, l)).filter((s): s is ClientSetting => s !== undefined);
    let roles = CLIENT_ROLES.filter((r) => mapAt(tree, [...base, r], 0) !== undefined || settings.some((s) => s.scope === r));
    let source: ConfigUnit['roleSource'] = 'keys';
    if (options?.role !== undefined) [roles, source] = [[options.role], 'explicit'];
    else if (roles.length === 0 && settings.length > 0) {
      const decision = decideRole(file, settings.map((s) => s.key), options);
      if (decision === undefined) parsed.problems.push(unknownRoleProblem(file, index.position(settings[0]?.leaf.keyStart ?? 0)));
      else [roles, source] = [[decision.role], decision.source];
    }
    for (const role of roles) {
      const unit = createUnit({ id: `${file}#${role}`, file, role, dialect: mode, roleSource: source, name: role });
      const layers: ConfigEntry[][] = [[], [], [], []];
      for (const s of settings) {
        if (s.scope !== 'common' && s.scope !== role && roles.length > 1) continue;
        layers[s.layer]?.push(entryFromLeaf(file, index, s.leaf, s.key, normalizeScalar(s.value)));
      }
      addLayers(unit, layers);
      parsed.units.push(unit);
    }
    const sup = collectSuppressions(file, tree.comments, tree.leaves.map((l) => index.position(l.keyStart).line));
    parsed.suppressions = sup.suppressions;
    parsed.problems.push(...sup.problems);
    return parsed;
  },
  applyEdits(parsed, edits) {
    const roleOf = new Map(parsed.units.map((u) => [u.id, u.role]));
    return applyTreeEdits(parsed, edits, {
      syntax: 'json',
      joinable: false,
      read: (t) => readJsonTree(parsed.file, t),
      locate: (leaf, tree) => {
        const s = classify(tree, modeOf(tree), baseOf(tree), leaf);
        if (s === undefined) return undefined;
        const unitIds = parsed.units.filter((u) => s.scope === 'common' || u.role === s.scope || parsed.units.length === 1).map((u) => u.id);
        return { unitIds, key: s.key, rank: s.layer };
      },
      place: (unitId, key, value, tree) => {
        const role = roleOf.get(unitId) === 'consumer' ? 'consumer' : 'producer';
        const base = baseOf(tree);
        const section = mapAt(tree, [...base, role], 0) !== undefined ? [role] : [];
        if (modeOf(tree) === 'confluent-js') return { doc: 0, path: [...base, ...section, key], value: { text: value, kind: 'auto' } };
        const { option, value: written } = optionOfKafka(role, key, value);
        const call = Object.hasOwn(CALL_OPTIONS, option) ? CALL_OPTIONS[option] : undefined;
        const where = call !== undefined && mapAt(tree, [...base, call], 0) !== undefined ? [call] : section;
        return { doc: 0, path: [...base, ...where, ...option.split('.')], value: written };
      },
    });
  },
};
