import { clientChoiceProblem, EoskitError, writerIdProblem, type ClientChoice, type ProducerOptions } from '@eoskit/core';
import { DEFAULT_CHECKPOINT_TOPIC } from './checkpoint-store.js';
import { producerOptionsFrom } from './producer-settings.js';
import type { RecoveryEvent, WriterMode, WriterOptions } from './writer-types.js';

/** Writer options with defaults applied and checked. */
export interface ResolvedOptions {
  /** The client kind with its connection settings, or a shared client. */
  connection: ClientChoice;
  writerId: string;
  topics: string[];
  mode: WriterMode;
  checkpointTopic: string;
  checkpointIntervalMs: number;
  maxBufferedRecords: number;
  maxBufferedBytes: number;
  maxBatchRecords: number;
  maxRecordBytes: number;
  deliveryTimeoutMs: number;
  producer: ProducerOptions;
  onRecovery: ((event: RecoveryEvent) => void) | undefined;
}

/** Checks options up front so mistakes surface at `createWriter`, naming the option. */
export function resolveOptions(options: WriterOptions): ResolvedOptions {
  const bad = (message: string) => new EoskitError('CONFIG_INVALID', message);
  const problem = writerIdProblem(options.writerId ?? '');
  if (problem !== undefined) throw bad(`writerId ${problem}`);
  const mode = options.mode ?? 'idempotent';
  if (mode !== 'idempotent' && mode !== 'transactional') throw bad(`mode must be idempotent or transactional, got ${String(mode)}`);
  if (!Array.isArray(options.topics) || options.topics.length === 0) throw bad('topics must list at least one topic');
  if (options.topics.some((t) => typeof t !== 'string' || t === '')) throw bad('topics must be non-empty strings');
  const clientProblem = clientChoiceProblem(options);
  if (clientProblem !== undefined) throw bad(clientProblem);
  const positive = (name: string, value: number | undefined, fallback: number, min = 1): number => {
    if (value === undefined) return fallback;
    if (!Number.isSafeInteger(value) || value < min) throw bad(`${name} must be an integer >= ${min}, got ${value}`);
    return value;
  };
  const checkpointTopic = options.checkpointTopic ?? DEFAULT_CHECKPOINT_TOPIC;
  if (options.topics.includes(checkpointTopic)) throw bad(`checkpointTopic ${checkpointTopic} must not be one of the data topics`);
  return {
    connection: { client: options.client, brokers: options.brokers, clientId: options.clientId, ssl: options.ssl, sasl: options.sasl },
    writerId: options.writerId,
    topics: [...new Set(options.topics)],
    mode,
    checkpointTopic,
    checkpointIntervalMs: positive('checkpointIntervalMs', options.checkpointIntervalMs, 1000, 10),
    maxBufferedRecords: positive('maxBufferedRecords', options.maxBufferedRecords, 20_000),
    maxBufferedBytes: positive('maxBufferedBytes', options.maxBufferedBytes, 64 * 1024 * 1024, 1024),
    maxBatchRecords: positive('maxBatchRecords', options.maxBatchRecords, mode === 'transactional' ? 10_000 : 5_000),
    maxRecordBytes: positive('maxRecordBytes', options.maxRecordBytes, 1_000_000, 128),
    deliveryTimeoutMs: positive('deliveryTimeoutMs', options.deliveryTimeoutMs, 120_000, 1000),
    producer: producerOptionsFrom(options.producer),
    onRecovery: options.onRecovery,
  };
}
