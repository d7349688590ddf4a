import type { ClientKind } from '@eoskit/core';
import type { ConfigObject } from '@eoskit/lint';
import type { ProcessorOptions } from './processor-types.js';
import type { ResolvedOptions } from './validate-options.js';

/**
 * The producer configuration the processor runs with, in Java client
 * spelling (what eos-lint reads). The adapters force idempotence and
 * acks=all; kafkajs keeps one produce request in flight per broker.
 */
export function effectiveProducerConfig(kind: ClientKind, r: ResolvedOptions, transactionalId: string | undefined): ConfigObject {
  return {
    'enable.idempotence': true,
    acks: 'all',
    'max.in.flight.requests.per.connection': kind === 'kafkajs' ? 1 : 5,
    ...(transactionalId === undefined ? {} : { 'transactional.id': transactionalId, 'transaction.timeout.ms': r.transactionTimeoutMs }),
  };
}

/** The consumer configuration: read_committed and manual commits are forced. */
export function effectiveConsumerConfig(o: ProcessorOptions, r: ResolvedOptions): ConfigObject {
  const c = o.consumer ?? {};
  return {
    'group.id': o.groupId,
    'isolation.level': 'read_committed',
    'enable.auto.commit': false,
    'auto.offset.reset': r.fromBeginning ? 'earliest' : 'latest',
    ...(c.sessionTimeoutMs === undefined ? {} : { 'session.timeout.ms': c.sessionTimeoutMs }),
    ...(c.heartbeatIntervalMs === undefined ? {} : { 'heartbeat.interval.ms': c.heartbeatIntervalMs }),
    ...(c.maxPollIntervalMs === undefined ? {} : { 'max.poll.interval.ms': c.maxPollIntervalMs }),
  };
}
