import { EoskitError } from '@eoskit/core';
import { lintConfig } from '@eoskit/lint';
import type { ReaderLogger, ReaderOptions } from './reader-types.js';

/** Kafka consumer keys the reader's options map to (for messages that name what the caller set). */
const OPTION_OF: Record<string, string> = {
  'auto.offset.reset': 'consumer.fromBeginning',
  'session.timeout.ms': 'consumer.sessionTimeoutMs',
  'heartbeat.interval.ms': 'consumer.heartbeatIntervalMs',
  'max.poll.interval.ms': 'consumer.maxPollIntervalMs',
  'group.id': 'groupId',
};

/**
 * The consumer configuration the reader runs with, in Kafka's spelling:
 * isolation and auto-commit are forced, the rest comes from the options.
 */
export function effectiveConsumerConfig<Tx>(o: ReaderOptions<Tx>): Record<string, string | number> {
  const c = o.consumer ?? {};
  const config: Record<string, string | number> = {
    'group.id': o.groupId,
    'isolation.level': 'read_committed',
    'enable.auto.commit': 'false',
    'auto.offset.reset': c.fromBeginning === false ? 'latest' : 'earliest',
  };
  if (c.sessionTimeoutMs !== undefined) config['session.timeout.ms'] = c.sessionTimeoutMs;
  if (c.heartbeatIntervalMs !== undefined) config['heartbeat.interval.ms'] = c.heartbeatIntervalMs;
  if (c.maxPollIntervalMs !== undefined) config['max.poll.interval.ms'] = c.maxPollIntervalMs;
  return config;
}

/**
 * Checks the reader's consumer configuration with eos-lint's rules (the same
 * source of truth as `eos-lint`): an error-level finding refuses the options
 * with `CONFIG_INVALID` naming the rule and the option; warnings are logged.
 */
export function lintConsumerConfig<Tx>(o: ReaderOptions<Tx>, logger: ReaderLogger = {}): void {
  const findings = lintConfig({ role: 'consumer', config: effectiveConsumerConfig(o) }).filter((f) => f.suppressed === undefined);
  for (const f of findings) {
    const where = f.key === null ? 'consumer config' : `reader option ${OPTION_OF[f.key] ?? f.key} (${f.key})`;
    const text = `${where}: ${f.message} (eos-lint ${f.ruleId})`;
    if (f.severity === 'error') throw new EoskitError('CONFIG_INVALID', text);
    if (f.severity === 'warning') logger.warn?.(text);
  }
}
