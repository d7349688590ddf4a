import { EoskitError, SEQUENCE_HEADER, WRITER_HEADER, encodeSequence, type OutgoingRecord, type RecordHeaders } from '@eoskit/core';
import type { WriterRecord } from './writer-types.js';

/** Per-record overhead Kafka adds on top of key, value and headers (record framing, generous). */
const RECORD_OVERHEAD = 64;

/** Limits a record must respect. */
export interface RecordRules {
  topics: ReadonlySet<string>;
  /** The topic used when a record names none (the writer has one topic). */
  defaultTopic: string | undefined;
  maxRecordBytes: number;
}

/** Resolves a record's topic or refuses it with `CONFIG_INVALID`. */
export function recordTopic(record: WriterRecord, rules: RecordRules): string {
  const topic = record.topic ?? rules.defaultTopic;
  if (topic === undefined) {
    throw new EoskitError('CONFIG_INVALID', 'record has no topic and the writer has several; set record.topic');
  }
  if (!rules.topics.has(topic)) {
    throw new EoskitError('CONFIG_INVALID', `topic ${topic} is not in the writer's topics (${[...rules.topics].join(', ')})`);
  }
  return topic;
}

/**
 * The record as sent: key, value and caller headers as Buffers, plus the
 * writer's headers. Refuses reserved header names and oversized records
 * before a sequence is spent on them.
 */
export function buildRecord(
  record: WriterRecord,
  topic: string,
  sequence: number,
  writerIdHeader: Buffer,
  rules: RecordRules,
): { record: OutgoingRecord; bytes: number } {
  const key = toBuffer(record.key ?? null, 'key');
  const value = toBuffer(record.value, 'value');
  const headers: RecordHeaders = {};
  let bytes = RECORD_OVERHEAD + (key?.length ?? 0) + (value?.length ?? 0);
  for (const [name, raw] of record.headers === undefined ? [] : Object.entries(record.headers)) {
    if (name.startsWith('eoskit.')) {
      throw new EoskitError('HEADER_INVALID', `header ${name} is reserved: names starting with "eoskit." belong to eoskit`);
    }
    const buf = toBuffer(raw, `header ${name}`) as Buffer;
    headers[name] = buf;
    bytes += name.length + buf.length;
  }
  const seq = encodeSequence(sequence);
  headers[WRITER_HEADER] = writerIdHeader;
  headers[SEQUENCE_HEADER] = seq;
  bytes += WRITER_HEADER.length + writerIdHeader.length + SEQUENCE_HEADER.length + seq.length;
  if (bytes > rules.maxRecordBytes) {
    throw new EoskitError(
      'RECORD_TOO_LARGE',
      `record of about ${bytes} bytes (sequence ${sequence}, topic ${topic}) exceeds the limit of ${rules.maxRecordBytes} bytes`,
    );
  }
  const out: OutgoingRecord = { topic, key, value, headers };
  if (record.partition !== undefined) out.partition = record.partition;
  if (record.timestamp !== undefined) out.timestamp = record.timestamp;
  return { record: out, bytes };
}

function toBuffer(v: string | Buffer | null, what: string): Buffer | null {
  if (v === null) return null;
  if (typeof v === 'string') return Buffer.from(v, 'utf8');
  if (Buffer.isBuffer(v)) return v;
  throw new EoskitError('CONFIG_INVALID', `record ${what} must be a string, a Buffer or null`);
}
