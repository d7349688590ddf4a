/**
 * The inputs half of eos-lint: files -> ParsedFile (units of normalized
 * entries, suppressions, problems), and comment-preserving edits back.
 */
import type { Edit, FormatHandler, ParsedFile, ParseOptions, SourceFormat } from '../model.js';
import { clientJsHandler } from './client-js-handler.js';
import { composeHandler } from './compose-handler.js';
import { envHandler } from './env-handler.js';
import { flinkConfHandler } from './flink-conf-handler.js';
import { flinkSqlHandler } from './flink-sql-handler.js';
import { jsonHandler } from './json-handler.js';
import { propertiesHandler } from './properties-handler.js';
import { springHandler } from './spring-handler.js';
import { strimziHandler } from './strimzi-handler.js';
import { yamlHandler } from './yaml-handler.js';
import { binaryProblem, decodeInput } from './read-input.js';

/**
 * Every handler, in detection order: specific formats before generic ones.
 * Each `detect` looks at the file name first, then at the content.
 */
export const FORMAT_HANDLERS: readonly FormatHandler[] = [
  flinkSqlHandler,
  composeHandler,
  strimziHandler,
  springHandler,
  flinkConfHandler,
  clientJsHandler,
  envHandler,
  yamlHandler,
  jsonHandler,
  propertiesHandler,
];

/** Options of {@link parseFile}. */
export interface ParseFileOptions extends ParseOptions {
  /** Skips detection and uses this format's handler. */
  format?: SourceFormat;
}

/** The handler that reads a file: by `format`, else by file name, then by content. */
export function handlerFor(file: string, text: string, format?: SourceFormat): FormatHandler | undefined {
  if (format !== undefined) return FORMAT_HANDLERS.find((h) => h.format === format);
  return FORMAT_HANDLERS.find((h) => h.detect(file, text));
}

/**
 * Parses one file. Accepts text or raw bytes (bytes are decoded as UTF-8;
 * .properties files that are not valid UTF-8 are read as ISO-8859-1, like
 * Java does). Never throws for bad input: problems carry file:line, and a
 * file nothing can read gets one fatal problem.
 */
export function parseFile(file: string, input: string | Uint8Array, options: ParseFileOptions = {}): ParsedFile {
  const latin1 = /\.properties$/i.test(file) || options.format === 'properties';
  const decoded = decodeInput(file, input, latin1 ? 'latin1' : 'replace');
  const text = decoded.text;
  const binary = binaryProblem(file, text);
  const handler = binary === undefined ? handlerFor(file, text, options.format) : undefined;
  if (handler === undefined) {
    const problem = binary ?? {
      file,
      position: { line: 1, column: 1 },
      message: 'unrecognized file format: expected .properties, YAML, JSON, .env, docker-compose or Flink SQL',
      fatal: true,
    };
    return { file, format: options.format ?? 'properties', text, units: [], suppressions: [], problems: [problem] };
  }
  const { format: _format, ...parseOptions } = options;
  const parsed = handler.parse(file, text, parseOptions);
  parsed.problems.unshift(...decoded.problems);
  return parsed;
}

/**
 * Applies edits to a parsed file with the handler that read it; returns the
 * new text (comments, order and formatting kept). Throws RangeError for an
 * edit naming a unit the file does not have.
 */
export function applyEdits(parsed: ParsedFile, edits: Edit[]): string {
  const handler = FORMAT_HANDLERS.find((h) => h.format === parsed.format);
  if (handler === undefined) throw new RangeError(`no handler for format ${parsed.format}`);
  return handler.applyEdits(parsed, edits);
}

export {
  clientJsHandler,
  composeHandler,
  envHandler,
  flinkConfHandler,
  flinkSqlHandler,
  jsonHandler,
  propertiesHandler,
  springHandler,
  strimziHandler,
  yamlHandler,
};
export { durationMs } from './duration.js';
export { kafkaKeyOfEnv, envOfKafkaKey } from './kafka-env-names.js';
export { roleFromFileName, roleFromKeys, decideRole } from './role-detection.js';
export type { RoleDecision } from './role-detection.js';
export { isSecretKey, REDACTED } from './secret-keys.js';
export { parseSuppressionComment } from './suppression-comment.js';
export type { SuppressionDirective } from './suppression-comment.js';
