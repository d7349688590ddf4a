/**
 * The document model shared by the two halves of the linter:
 *
 *   inputs (parse -> normalize)          rules (evaluate -> report -> fix)
 *   files -> ParsedFile[] of ConfigUnit  ConfigUnit[] -> Finding[] -> Edit[]
 *
 * A parser turns one file into one or more ConfigUnits (a Spring
 * `application.yml` holds a producer and a consumer; a docker-compose file
 * holds several brokers; a Flink SQL script holds source and sink tables).
 * Keys are normalized to their Kafka (or Flink) spelling so rules are written
 * once; every entry keeps what the user wrote and where.
 */

/** What a unit of configuration configures. */
export type Role = 'producer' | 'consumer' | 'broker' | 'topic' | 'streams' | 'flink';

/** Every role, in report order. */
export const ROLES: readonly Role[] = ['producer', 'consumer', 'broker', 'topic', 'streams', 'flink'];

/**
 * Whose spelling and whose defaults apply. The same key can default
 * differently per client (enable.idempotence: Java true since 3.0,
 * librdkafka false, kafkajs `idempotent` false).
 */
export type Dialect =
  | 'java' // Java client / broker / topic / Streams / Spring: Kafka's ConfigDef defaults
  | 'librdkafka' // librdkafka properties (also the top level of confluent-kafka-javascript configs)
  | 'kafkajs' // kafkajs option objects
  | 'confluent-js' // @confluentinc/kafka-javascript: `kafkaJS` block + librdkafka properties
  | 'flink'; // Flink configuration and connector options

/** Input formats the parsers recognize. */
export type SourceFormat =
  | 'properties'
  | 'yaml'
  | 'json'
  | 'env'
  | 'compose'
  | 'spring'
  | 'strimzi'
  | 'flink-conf'
  | 'flink-sql'
  | 'client-js'
  | 'manifest'
  | 'live';

/** A 1-based position in a file. */
export interface Position {
  line: number;
  column: number;
}

/** One setting as the user wrote it, plus its normalized form. */
export interface ConfigEntry {
  /** Normalized key: `enable.idempotence`, `sink.delivery-guarantee`, `min.insync.replicas`. */
  key: string;
  /** The key exactly as written: `idempotent`, `KAFKA_MIN_INSYNC_REPLICAS`, `spring.kafka.producer.acks`. */
  rawKey: string;
  /** Normalized value as a string: booleans `true`/`false`, numbers in decimal, enums in Kafka spelling. */
  value: string;
  /** The value exactly as written (before normalization), without quotes. */
  rawValue: string;
  file: string;
  /** Where the key starts. */
  position: Position;
  /** Where the value starts (same line as the key in most formats). */
  valuePosition: Position;
  /** Never printed: sasl.jaas.config, ssl.*.password, tokens... */
  secret: boolean;
}

/** One logical configuration: a producer, a consumer, a broker, a topic... */
export interface ConfigUnit {
  /** Stable id, unique in a run: `<file>` or `<file>#<path>` (`compose.yml#services.kafka-1`). */
  id: string;
  file: string;
  role: Role;
  dialect: Dialect;
  /** How the role was decided: given by `--role`/manifest, from the file name, or from its keys. */
  roleSource: 'explicit' | 'file-name' | 'keys';
  /** Human name where the source has one (compose service, Strimzi resource, SQL table). */
  name?: string;
  /** Normalized key -> entry. When a key is set twice the last one wins, as in Kafka. */
  entries: Map<string, ConfigEntry>;
  /** Earlier duplicates of a key (reported by a hygiene rule). */
  shadowed: ConfigEntry[];
  /**
   * Broker units only: how many brokers the cluster has, when the file says
   * (Strimzi `spec.kafka.replicas` or the broker KafkaNodePools of the
   * cluster; the broker services of a docker-compose file). For rules such
   * as transaction.state.log.replication.factor <= brokers.
   */
  clusterBrokers?: ClusterBrokers;
  /** Flink SQL tables only: whether the table is read, written or both (from its options and the script's INSERT INTO / FROM). */
  tableKind?: 'source' | 'sink' | 'both' | 'unknown';
}

/** The broker count of a cluster and where the file states it. */
export interface ClusterBrokers {
  count: number;
  file: string;
  position: Position;
  /** What was counted: `spec.kafka.replicas`, `KafkaNodePool pool-a (3) + pool-b (2)`, `3 broker services`. */
  source: string;
}

/** An inline suppression comment (`# eos-lint-disable-next-line RULE -- reason`). */
export interface Suppression {
  file: string;
  /** Line of the comment itself. */
  commentLine: number;
  /** Line the suppression applies to. */
  targetLine: number;
  /** Rule ids; empty means all rules. */
  ruleIds: string[];
  reason?: string;
}

/** A problem found while reading a file (syntax error, value a parser cannot read). */
export interface ParseProblem {
  file: string;
  position: Position;
  message: string;
  /** `fatal`: the file could not be read at all (exit code 2). */
  fatal: boolean;
}

/** Everything a parser learned from one file. */
export interface ParsedFile {
  file: string;
  format: SourceFormat;
  /** The original text, kept for excerpts and fixes. */
  text: string;
  units: ConfigUnit[];
  suppressions: Suppression[];
  problems: ParseProblem[];
}

/**
 * A change to one unit, in normalized terms. Format handlers translate it
 * into the file's own syntax (kafkajs `readUncommitted: false`, Spring
 * `isolation-level: read-committed`, env `KAFKA_ACKS=all`) and keep
 * comments, order and formatting.
 */
export type Edit =
  | { kind: 'set'; unitId: string; key: string; value: string }
  | { kind: 'remove'; unitId: string; key: string }
  | { kind: 'rename'; unitId: string; from: string; to: string };

/** Options a caller passes when parsing. */
export interface ParseOptions {
  /** Forces the role of every unit in the file. */
  role?: Role;
}

/** One input format: detection, parsing, and comment-preserving edits. */
export interface FormatHandler {
  /** The format this handler reads. */
  readonly format: SourceFormat;
  /** True when this handler should read the file (by name, then by content). */
  detect(file: string, text: string): boolean;
  /** Parses the text into config units; problems are reported in the result, not thrown. */
  parse(file: string, text: string, options?: ParseOptions): ParsedFile;
  /** Applies edits to the text of a file this handler parsed; returns the new text. */
  applyEdits(parsed: ParsedFile, edits: Edit[]): string;
}

/** Type of a configuration key, as Kafka's ConfigDef names it. */
export type KeyType = 'boolean' | 'string' | 'int' | 'short' | 'long' | 'double' | 'list' | 'class' | 'password';

/** What a catalogue knows about one key at one Kafka version. */
export interface KeySpec {
  key: string;
  type: KeyType;
  /** Default as a string; null when the key has no default. */
  default: string | null;
  /** Allowed values (enums), when the key has them. */
  validValues?: string[];
  /** Numeric bounds, inclusive. */
  min?: number;
  max?: number;
  /** One-line documentation. */
  doc?: string;
  /** The key has no default and must be set (ConfigDef NO_DEFAULT_VALUE). */
  required?: boolean;
  /** `validValues` compare case-insensitively (CaseInsensitiveValidString, Flink enums). */
  caseInsensitive?: boolean;
  /** Allowed items of a list value (ConfigDef ValidList). */
  validItems?: string[];
  /** Words accepted besides the numeric range (librdkafka `acks=all`). */
  symbols?: string[];
  /** Unit of a normalized duration or size value (Flink durations are normalized to ms). */
  unit?: 'ms' | 'bytes';
  /** First and last catalogued version with the key (Kafka version for java, library version otherwise). */
  since?: string;
  until?: string;
  importance?: 'high' | 'medium' | 'low';
  deprecated?: boolean;
  /** ConfigDef internal config: accepted but not documented for users. */
  internal?: boolean;
  /** The key this one is an alias of (librdkafka `acks` -> `request.required.acks`). */
  aliasOf?: string;
  /** The catalogue the spec comes from: `kafka-producer`, `librdkafka`, `kafkajs`, `flink`. */
  catalogue?: string;
}
