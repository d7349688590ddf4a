import type { KafkaLine } from './versions.js';

/** A logging configuration file for the broker JVM and the flag that loads it. */
export interface LoggingConfig {
  fileName: string;
  text: string;
  /** The `-D` flag pointing the JVM at the file once written to `path`. */
  jvmFlag(path: string): string;
}

// Everything goes to stdout, which the cluster redirects to the node's log file. The request and
// state-change loggers are at WARN: at INFO they write a line per request or partition change.
const LOG4J2 = `# written by @eoskit/kafka-embedded
rootLogger.level=INFO
rootLogger.appenderRef.stdout.ref=STDOUT
appender.stdout.type=Console
appender.stdout.name=STDOUT
appender.stdout.layout.type=PatternLayout
appender.stdout.layout.pattern=[%d] %p %m (%c)%n
logger.request.name=kafka.request.logger
logger.request.level=WARN
logger.statechange.name=state.change.logger
logger.statechange.level=WARN
`;

const LOG4J1 = `# written by @eoskit/kafka-embedded
log4j.rootLogger=INFO, stdout
log4j.appender.stdout=org.apache.log4j.ConsoleAppender
log4j.appender.stdout.layout=org.apache.log4j.PatternLayout
log4j.appender.stdout.layout.ConversionPattern=[%d] %p %m (%c)%n
log4j.logger.kafka.request.logger=WARN
log4j.logger.state.change.logger=WARN
`;

/** Kafka 4 logs through log4j2; 3.x through log4j 1 (reload4j). */
export function loggingConfig(line: KafkaLine): LoggingConfig {
  if (line >= 4) {
    return { fileName: 'log4j2.properties', text: LOG4J2, jvmFlag: (path) => `-Dlog4j2.configurationFile=${path}` };
  }
  return { fileName: 'log4j.properties', text: LOG4J1, jvmFlag: (path) => `-Dlog4j.configuration=file:${path}` };
}
