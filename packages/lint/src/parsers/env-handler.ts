import type { FormatHandler, ParsedFile, ParseOptions } from '../model.js';
import { collectSuppressions } from './collect-suppressions.js';
import { addEntry, createUnit, makeEntry } from './config-unit.js';
import { readDotenv } from './dotenv-reader.js';
import { envOfKafkaKey, isBitnami, kafkaKeyOfEnv } from './kafka-env-names.js';
import { LineIndex } from './line-index.js';
import { applyLineEdits } from './line-settings.js';
import { normalizeScalar } from './normalize-value.js';
import { binaryProblem } from './read-input.js';
import { roleFromKeys } from './role-detection.js';

const ENV_NAME = /(^|[\\/])(\.env(\.[\w.-]+)?|[\w.-]+\.env)$/i;

/**
 * `.env` files for the Kafka broker images: `KAFKA_*` variables mapped to
 * broker keys (Confluent/apache convention, or Bitnami `KAFKA_CFG_*`),
 * other variables ignored. One unit per file, role broker unless
 * `options.role` or the keys say otherwise.
 */
export const envHandler: FormatHandler = {
  format: 'env',
  detect: (file, text) => ENV_NAME.test(file) || (!/\.\w+$/.test(file) && /^(export\s+)?KAFKA_[A-Z0-9_]+=/m.test(text.slice(0, 4096))),
  parse(file: string, text: string, options?: ParseOptions): ParsedFile {
    const parsed: ParsedFile = { file, format: 'env', text, units: [], suppressions: [], problems: [] };
    const binary = binaryProblem(file, text);
    if (binary !== undefined) return { ...parsed, problems: [binary] };
    const index = new LineIndex(text);
    const read = readDotenv(file, text, index);
    parsed.problems.push(...read.problems);
    const bitnami = isBitnami(read.settings.map((s) => s.key));
    const mapped = read.settings.map((s) => ({ s, key: kafkaKeyOfEnv(s.key, bitnami) })).filter((x) => x.key !== undefined);
    const sup = collectSuppressions(file, read.comments, mapped.map((x) => index.position(x.s.keyStart).line));
    parsed.suppressions = sup.suppressions;
    parsed.problems.push(...sup.problems);
    if (mapped.length === 0) return parsed;
    const role = options?.role ?? roleFromKeys(mapped.map((x) => x.key as string)) ?? 'broker';
    const unit = createUnit({ id: file, file, role, dialect: 'java', roleSource: options?.role !== undefined ? 'explicit' : 'keys' });
    for (const { s, key } of mapped) {
      addEntry(unit, makeEntry({ key: key as string, rawKey: s.key, value: normalizeScalar(s.value), rawValue: s.value, file, position: index.position(s.keyStart), valuePosition: index.position(s.valueStart) }));
    }
    parsed.units.push(unit);
    return parsed;
  },
  applyEdits(parsed, edits) {
    const index = new LineIndex(parsed.text);
    const bitnami = isBitnami(readDotenv(parsed.file, parsed.text, index).settings.map((s) => s.key));
    const unitIds = [parsed.file];
    return applyLineEdits(parsed, edits, {
      read: (t) => readDotenv(parsed.file, t, new LineIndex(t)).settings,
      locate: (s) => {
        const key = kafkaKeyOfEnv(s.key, bitnami);
        return key === undefined ? undefined : { unitIds, key };
      },
      spell: (_u, key) => envOfKafkaKey(key, bitnami),
      line: (name, value) => `${name}=${envValue(value, null)}`,
      value: envValue,
    });
  },
};

/** A value for a .env line, quoted only when it has to be. */
function envValue(value: string, quote: '"' | "'" | null): string {
  if (quote === "'" && !value.includes("'")) return `'${value}'`;
  if (quote !== null || /[\s#"'\\$]/.test(value)) return JSON.stringify(value);
  return value;
}
