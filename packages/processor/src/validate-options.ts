import { clientChoiceProblem, EoskitError } from '@eoskit/core';
import type { ProcessorOptions } from './processor-types.js';

/** Defaults the processor applies. */
export const DEFAULTS = {
  intervalMs: 100,
  maxRecords: 5000,
  transactionTimeoutMs: 30_000,
  sessionTimeoutMs: 30_000,
} as const;

/** The options with defaults applied, as the processor uses them. */
export interface ResolvedOptions {
  guarantee: NonNullable<ProcessorOptions['guarantee']>;
  intervalMs: number;
  maxRecords: number;
  transactionTimeoutMs: number;
  dedup: NonNullable<ProcessorOptions['dedup']>;
  changelogTopic: string;
  abortRatio: number;
  fromBeginning: boolean;
}

function refuse(option: string, why: string): EoskitError {
  return new EoskitError('CONFIG_INVALID', `processor option ${option} ${why}`);
}

function positiveInt(option: string, value: number | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!Number.isSafeInteger(value) || value < 1) throw refuse(option, `must be a whole number >= 1, got ${String(value)}`);
  return value;
}

function nonEmpty(option: string, value: unknown): void {
  if (typeof value !== 'string' || value.trim() === '') throw refuse(option, 'must be a non-empty string');
}

/** Checks what can be checked without a cluster; throws `CONFIG_INVALID` naming the option. */
export function validateOptions(o: ProcessorOptions): ResolvedOptions {
  const clientProblem = clientChoiceProblem(o);
  if (clientProblem !== undefined) throw new EoskitError('CONFIG_INVALID', `processor option ${clientProblem}`);
  nonEmpty('groupId', o.groupId);
  nonEmpty('transactionalIdPrefix', o.transactionalIdPrefix);
  if (o.instanceId !== undefined) nonEmpty('instanceId', o.instanceId);
  if (!Array.isArray(o.inputs) || o.inputs.length === 0) throw refuse('inputs', 'must name at least one topic');
  o.inputs.forEach((t, i) => nonEmpty(`inputs[${i}]`, t));
  if (typeof o.process !== 'function') throw refuse('process', 'must be a function (event, ctx) => outputs');
  const guarantee = o.guarantee ?? 'exactly-once';
  if (guarantee !== 'exactly-once' && guarantee !== 'at-least-once') {
    throw refuse('guarantee', `must be "exactly-once" or "at-least-once", got "${String(guarantee)}"`);
  }
  if (o.fencing !== undefined && o.fencing !== 'per-partition' && o.fencing !== 'per-process') {
    throw refuse('fencing', `must be "per-partition" or "per-process", got "${String(o.fencing)}"`);
  }
  const dedup = o.dedup ?? 'sequence';
  if (dedup !== 'sequence' && dedup !== 'off') throw refuse('dedup', `must be "sequence" or "off", got "${String(dedup)}"`);
  const intervalMs = positiveInt('checkpoint.intervalMs', o.checkpoint?.intervalMs, DEFAULTS.intervalMs);
  const maxRecords = positiveInt('checkpoint.maxRecords', o.checkpoint?.maxRecords, DEFAULTS.maxRecords);
  const transactionTimeoutMs = positiveInt('transactionTimeoutMs', o.transactionTimeoutMs, DEFAULTS.transactionTimeoutMs);
  if (guarantee === 'exactly-once' && intervalMs * 2 > transactionTimeoutMs) {
    throw refuse(
      'checkpoint.intervalMs',
      `(${intervalMs}) must be at most half of transactionTimeoutMs (${transactionTimeoutMs}): a checkpoint is one transaction, and the broker aborts transactions that outlive their timeout`,
    );
  }
  const abortRatio = o.abortRatio ?? 0;
  if (!(abortRatio >= 0 && abortRatio < 1)) throw refuse('abortRatio', `must be from 0 up to (not including) 1, got ${String(abortRatio)}`);
  if (abortRatio > 0 && guarantee !== 'exactly-once') throw refuse('abortRatio', 'needs guarantee "exactly-once" (at-least-once has nothing to abort)');
  const changelogTopic = o.changelogTopic ?? `${o.groupId}-changelog`;
  nonEmpty('changelogTopic', changelogTopic);
  if (o.inputs.includes(changelogTopic)) throw refuse('changelogTopic', `"${changelogTopic}" is also an input topic`);
  return { guarantee, intervalMs, maxRecords, transactionTimeoutMs, dedup, changelogTopic, abortRatio, fromBeginning: o.consumer?.fromBeginning ?? true };
}
