import type { ConfigUnit, FormatHandler, ParsedFile, ParseOptions } from '../model.js';
import { addEntry, createUnit, makeEntry } from './config-unit.js';
import { dialectFromKeys } from './dialect-from-keys.js';
import { normalizeScalar } from './normalize-value.js';
import { applyPropertiesEdits } from './properties-edits.js';
import { readProperties } from './properties-reader.js';
import { binaryProblem } from './read-input.js';
import { decideRole } from './role-detection.js';
import { unknownRoleProblem } from './unknown-role.js';

const SETTING_LINE = /^[ \t\f]*[A-Za-z][\w.\-]*[ \t\f]*[=:]/m;
const YAML_LIKE = /^[ \t]*[\w.\-]+:[ \t]*$|^[ \t]+[\w.\-]+:[ \t]/m;

/**
 * Java `.properties` files: client configs, broker `server.properties`, Kafka
 * Streams (and kcat/librdkafka property files, told apart by their keys).
 * Keys are already Kafka's spelling; one unit per file.
 */
export const propertiesHandler: FormatHandler = {
  format: 'properties',

  detect(file, text) {
    if (/\.properties$/i.test(file)) return true;
    if (/\.(ya?ml|json|sql|env)$/i.test(file)) return false;
    return SETTING_LINE.test(text.slice(0, 4096)) && !YAML_LIKE.test(text.slice(0, 4096));
  },

  parse(file: string, text: string, options?: ParseOptions): ParsedFile {
    const parsed: ParsedFile = { file, format: 'properties', text, units: [], suppressions: [], problems: [] };
    const binary = binaryProblem(file, text);
    if (binary !== undefined) {
      parsed.problems.push(binary);
      return parsed;
    }
    const read = readProperties(file, text);
    parsed.suppressions = read.suppressions;
    parsed.problems = read.problems;
    if (read.settings.length === 0) return parsed;
    const decision = decideRole(
      file,
      read.settings.map((s) => s.key),
      options,
    );
    if (decision === undefined) {
      parsed.problems.push(unknownRoleProblem(file, read.settings[0]?.position));
      return parsed;
    }
    // kcat and librdkafka tools read the same syntax with librdkafka's keys.
    const dialect = dialectFromKeys(decision.role, read.settings.map((s) => s.key));
    const unit: ConfigUnit = createUnit({ id: file, file, role: decision.role, dialect, roleSource: decision.source });
    for (const s of read.settings) {
      addEntry(
        unit,
        makeEntry({
          key: s.key,
          rawKey: s.key,
          value: normalizeScalar(s.value),
          rawValue: s.value,
          file,
          position: s.position,
          valuePosition: s.valuePosition,
        }),
      );
    }
    parsed.units.push(unit);
    return parsed;
  },

  applyEdits(parsed, edits) {
    const unitId = parsed.units[0]?.id ?? parsed.file;
    return applyPropertiesEdits(parsed, edits, {
      locate: (key) => ({ unitIds: [unitId], key }),
      spell: (_unit, key) => key,
    });
  },
};
