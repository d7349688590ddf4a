/** KAFKA_* variables of the Kafka images that are not broker configs (JVM, JMX, logging, image scripts). */
const NOT_CONFIG = /^KAFKA_(HEAP_OPTS|OPTS|JVM_PERFORMANCE_OPTS|GC_LOG_OPTS|DEBUG|HOME|VERSION|CLUSTER_ID|CREATE_TOPICS|JMX_.*|LOG4J_.*|TOOLS_LOG4J_.*|ENABLE_KRAFT|KRAFT_CLUSTER_ID|SKIP_.*|MOUNTED_CONF_DIR)$/;

/** Whether the variables follow Bitnami's convention (`KAFKA_CFG_*` are the configs, other KAFKA_* are image settings). */
export function isBitnami(names: Iterable<string>): boolean {
  for (const n of names) if (n.startsWith('KAFKA_CFG_')) return true;
  return false;
}

/**
 * The broker key an environment variable sets in the Kafka images, or
 * undefined for variables that are no config: apache/kafka and Confluent
 * strip `KAFKA_`, then `___` -> `-`, `__` -> `_`, `_` -> `.` and lower-case
 * (`KAFKA_MIN_INSYNC_REPLICAS` -> min.insync.replicas); Bitnami does the same
 * after `KAFKA_CFG_`.
 */
export function kafkaKeyOfEnv(name: string, bitnami: boolean): string | undefined {
  const prefix = bitnami ? 'KAFKA_CFG_' : 'KAFKA_';
  if (!name.startsWith(prefix) || name.length === prefix.length) return undefined;
  if (!bitnami && NOT_CONFIG.test(name)) return undefined;
  return name
    .slice(prefix.length)
    .replace(/___/g, '\u0001')
    .replace(/__/g, '\u0002')
    .replace(/_/g, '.')
    .replace(/\u0001/g, '-')
    .replace(/\u0002/g, '_')
    .toLowerCase();
}

/** The variable that sets a broker key (inverse of {@link kafkaKeyOfEnv}). */
export function envOfKafkaKey(key: string, bitnami: boolean): string {
  const body = key.replace(/_/g, '__').replace(/-/g, '___').replace(/\./g, '_').toUpperCase();
  return (bitnami ? 'KAFKA_CFG_' : 'KAFKA_') + body;
}
