import { EoskitError, MAX_SEQUENCE } from '@eoskit/core';
import type { WriterMode } from './writer-types.js';

/**
 * What a writer knows about its durable writes, saved in the checkpoint topic
 * (compacted, keyed by writer id). The value is JSON so operators can read it
 * with any console consumer.
 */
export interface WriterCheckpoint {
  writerId: string;
  mode: WriterMode;
  /** Every record of this writer with a sequence <= overall is durable (-1: none known). */
  overall: number;
  /** One entry per partition of the writer's topics. */
  partitions: CheckpointPartition[];
  /** When it was written (ms since the epoch); informational. */
  at: number;
}

/** A partition's part of a checkpoint. */
export interface CheckpointPartition {
  topic: string;
  partition: number;
  /** Highest durable sequence of this writer in the partition; -1 when none. */
  sequence: number;
  /** Offset of that record; -1 when none. */
  offset: number;
  /**
   * Every durable record of this writer in the partition with a sequence
   * above `overall` sits at this offset or later, so recovery scans from here.
   */
  scanFrom: number;
}

const VERSION = 1;

/** Serialises a checkpoint as the record value. */
export function encodeCheckpoint(checkpoint: WriterCheckpoint): Buffer {
  const { writerId, mode, overall, partitions, at } = checkpoint;
  return Buffer.from(JSON.stringify({ v: VERSION, writer: writerId, mode, overall, at, partitions }), 'utf8');
}

/**
 * Parses a checkpoint value; `where` names the record in errors. Throws
 * `STATE_INVALID` for anything that is not a version-1 checkpoint, so a
 * corrupted checkpoint stops recovery instead of silently resetting it.
 */
export function decodeCheckpoint(value: Buffer | null, where: string): WriterCheckpoint {
  const bad = (why: string) => new EoskitError('STATE_INVALID', `writer checkpoint at ${where} ${why}`);
  if (value === null) throw bad('has no value');
  let raw: unknown;
  try {
    raw = JSON.parse(value.toString('utf8'));
  } catch {
    throw bad('is not JSON');
  }
  if (!isObject(raw)) throw bad('is not a JSON object');
  if (raw.v !== VERSION) throw bad(`has version ${JSON.stringify(raw.v)}; this eoskit reads version ${VERSION}`);
  if (typeof raw.writer !== 'string' || raw.writer === '') throw bad('has no writer id');
  if (raw.mode !== 'idempotent' && raw.mode !== 'transactional') throw bad('has an unknown mode');
  if (!isSeq(raw.overall)) throw bad('has an invalid overall sequence');
  if (typeof raw.at !== 'number') throw bad('has no time');
  if (!Array.isArray(raw.partitions)) throw bad('has no partitions');
  const partitions = raw.partitions.map((p: unknown, i: number): CheckpointPartition => {
    if (
      !isObject(p) ||
      typeof p.topic !== 'string' ||
      !isOffset(p.partition) ||
      !isSeq(p.sequence) ||
      !isSeq(p.offset) ||
      !isOffset(p.scanFrom)
    ) {
      throw bad(`has an invalid partitions[${i}]`);
    }
    return { topic: p.topic, partition: p.partition, sequence: p.sequence, offset: p.offset, scanFrom: p.scanFrom };
  });
  return { writerId: raw.writer, mode: raw.mode, overall: raw.overall, at: raw.at, partitions };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// -1 stands for "none" in sequences and offsets.
function isSeq(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= -1 && v <= MAX_SEQUENCE;
}

function isOffset(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;
}
