/** Checks outgoing records and converts consumed ones, for both adapters. */
import { EoskitError } from '../errors.js';
import { toOffset } from './record-positions.js';
import type { ConsumedRecord, OutgoingRecord, RecordHeaders } from './types.js';

/** A record whose partition is decided. */
export interface PartitionedRecord extends OutgoingRecord {
  partition: number;
}

function bad(index: number, message: string): EoskitError {
  return new EoskitError('CONFIG_INVALID', `record ${index}: ${message}`);
}

const isBytes = (value: unknown): boolean => value === null || Buffer.isBuffer(value);

/** Throws `CONFIG_INVALID` naming the first malformed record. */
export function checkRecords(records: readonly OutgoingRecord[]): void {
  if (!Array.isArray(records)) throw new EoskitError('CONFIG_INVALID', 'records must be an array');
  records.forEach((record, index) => {
    if (typeof record?.topic !== 'string' || record.topic === '') throw bad(index, 'topic must be a non-empty string');
    if (!isBytes(record.key)) throw bad(index, 'key must be a Buffer or null');
    if (!isBytes(record.value)) throw bad(index, 'value must be a Buffer or null');
    if (record.partition !== undefined && (!Number.isSafeInteger(record.partition) || record.partition < 0)) {
      throw bad(index, `partition must be a non-negative integer, got ${String(record.partition)}`);
    }
    if (record.timestamp !== undefined && (!Number.isSafeInteger(record.timestamp) || record.timestamp < 0)) {
      throw bad(index, `timestamp must be non-negative ms since the epoch, got ${String(record.timestamp)}`);
    }
    for (const [name, value] of Object.entries(record.headers ?? {})) {
      if (!Buffer.isBuffer(value)) throw bad(index, `header "${name}" must be a Buffer`);
    }
  });
}

/** Header values as the clients deliver them. */
type RawHeaderValue = Buffer | string | Array<Buffer | string> | undefined | null;

/** One Buffer per header name; for repeated names the last value wins (Java's `lastHeader`). */
export function toHeaders(raw: Record<string, RawHeaderValue> | undefined): RecordHeaders {
  const headers: RecordHeaders = {};
  for (const [name, value] of Object.entries(raw ?? {})) {
    const last = Array.isArray(value) ? value[value.length - 1] : value;
    if (last === undefined || last === null) continue;
    headers[name] = Buffer.isBuffer(last) ? last : Buffer.from(last);
  }
  return headers;
}

/** A consumed message in the shape both KafkaJS APIs use. */
export interface RawMessage {
  key?: Buffer | string | null;
  value: Buffer | string | null;
  timestamp?: string | number;
  offset: string | number;
  headers?: Record<string, RawHeaderValue>;
}

const toBuffer = (value: Buffer | string | null | undefined): Buffer | null =>
  value === null || value === undefined ? null : Buffer.isBuffer(value) ? value : Buffer.from(value);

/** Converts a client message into a `ConsumedRecord`. */
export function toConsumedRecord(topic: string, partition: number, message: RawMessage): ConsumedRecord {
  const timestamp = Number(message.timestamp);
  return {
    topic,
    partition,
    offset: toOffset(message.offset, `${topic}[${partition}]`),
    key: toBuffer(message.key),
    value: toBuffer(message.value),
    headers: toHeaders(message.headers),
    timestamp: Number.isSafeInteger(timestamp) ? timestamp : -1,
  };
}
