/**
 * The eoskit record header format, version 1 (documented in
 * `schemas/record-headers.schema.json`).
 *
 * A record written by an eoskit writer carries two headers:
 * - `eoskit.writer`: the writer id, UTF-8, 1 to 255 bytes, no control characters;
 * - `eoskit.seq`: the record's sequence, a non-negative decimal integer in
 *   ASCII without sign or leading zeros, at most 2^53 - 1.
 *
 * Plain text on purpose: kafka-console-consumer (`print.headers=true`) and any
 * language can read them without a library. The sequence bound keeps it exact
 * as a JavaScript number and inside int64 everywhere else.
 *
 * An optional `eoskit.v` header names the format version. Writers of version 1
 * omit it (it would cost bytes on every record); a decoder accepts it only when
 * it is `1`, so a future incompatible format can announce itself.
 */
import { EoskitError } from '../errors.js';
import type { RecordHeaders } from '../client/types.js';

/** Header carrying the writer id. */
export const WRITER_HEADER = 'eoskit.writer';
/** Header carrying the sequence. */
export const SEQUENCE_HEADER = 'eoskit.seq';
/** Optional header naming the format version (absent means 1). */
export const VERSION_HEADER = 'eoskit.v';
/** The header format version this code reads and writes. */
export const HEADER_FORMAT_VERSION = 1;
/** Largest sequence the format allows (2^53 - 1). */
export const MAX_SEQUENCE = Number.MAX_SAFE_INTEGER;
/** Largest writer id in UTF-8 bytes. */
export const MAX_WRITER_ID_BYTES = 255;

/** Who wrote a record, and its position in that writer's sequence. */
export interface WriterStamp {
  /** The `eoskit.writer` header: a stable name of the logical writer. */
  writerId: string;
  /** The `eoskit.seq` header: 0 to 2^53 - 1, strictly increasing per writer. */
  sequence: number;
}

const SEQUENCE_TEXT = /^(0|[1-9][0-9]{0,15})$/;
// Control characters would make ids unreadable in logs and console output.
const CONTROL = /[\u0000-\u001f\u007f]/;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Why `writerId` is not a valid writer id, or `undefined` when it is.
 * Used to refuse bad options up front (the writer) and bad headers (decode).
 */
export function writerIdProblem(writerId: string): string | undefined {
  if (writerId.length === 0) return 'is empty';
  if (Buffer.byteLength(writerId, 'utf8') > MAX_WRITER_ID_BYTES) {
    return `is longer than ${MAX_WRITER_ID_BYTES} UTF-8 bytes`;
  }
  if (CONTROL.test(writerId)) return 'contains a control character';
  return undefined;
}

/** Why `sequence` is not a valid sequence, or `undefined` when it is. */
export function sequenceProblem(sequence: number): string | undefined {
  if (!Number.isSafeInteger(sequence) || sequence < 0) {
    return `must be an integer from 0 to ${MAX_SEQUENCE}, got ${String(sequence)}`;
  }
  return undefined;
}

/** Encodes a sequence as its header value (decimal ASCII). */
export function encodeSequence(sequence: number): Buffer {
  const problem = sequenceProblem(sequence);
  if (problem !== undefined) throw new EoskitError('HEADER_INVALID', `${SEQUENCE_HEADER} ${problem}`);
  return Buffer.from(String(sequence), 'latin1');
}

/** Encodes a writer id as its header value, refusing invalid ids. */
export function encodeWriterId(writerId: string): Buffer {
  const problem = writerIdProblem(writerId);
  if (problem !== undefined) throw new EoskitError('HEADER_INVALID', `${WRITER_HEADER} ${problem}`);
  return Buffer.from(writerId, 'utf8');
}

/** The two headers stamping a record with `stamp`. */
export function encodeWriterHeaders(stamp: WriterStamp): RecordHeaders {
  return {
    [WRITER_HEADER]: encodeWriterId(stamp.writerId),
    [SEQUENCE_HEADER]: encodeSequence(stamp.sequence),
  };
}

/**
 * Reads the writer stamp of a consumed record.
 *
 * Returns `null` when the record carries neither header (it was not written
 * by an eoskit writer). Throws `HEADER_INVALID` when the headers are present
 * but do not follow the format: only one of the two, an invalid writer id, a
 * sequence that is not a canonical decimal in range, or an unknown version.
 * Other headers, including unknown `eoskit.*` ones, are ignored.
 */
export function decodeWriterHeaders(headers: RecordHeaders): WriterStamp | null {
  const writer = headers[WRITER_HEADER];
  const seq = headers[SEQUENCE_HEADER];
  const version = headers[VERSION_HEADER];
  if (writer === undefined && seq === undefined) return null;
  if (version !== undefined && version.toString('latin1') !== String(HEADER_FORMAT_VERSION)) {
    throw invalid(`${VERSION_HEADER} is "${printable(version)}"; this eoskit reads version ${HEADER_FORMAT_VERSION}`);
  }
  if (writer === undefined) throw invalid(`${SEQUENCE_HEADER} is present without ${WRITER_HEADER}`);
  if (seq === undefined) throw invalid(`${WRITER_HEADER} is present without ${SEQUENCE_HEADER}`);
  return { writerId: decodeWriterId(writer), sequence: decodeSequence(seq) };
}

/** Decodes an `eoskit.seq` header value; throws `HEADER_INVALID` unless canonical and in range. */
export function decodeSequence(value: Buffer): number {
  const text = value.toString('latin1');
  if (!SEQUENCE_TEXT.test(text)) {
    throw invalid(`${SEQUENCE_HEADER} is "${printable(value)}", not a decimal integer without sign or leading zeros`);
  }
  const sequence = Number(text);
  if (sequence > MAX_SEQUENCE) throw invalid(`${SEQUENCE_HEADER} ${text} is above ${MAX_SEQUENCE}`);
  return sequence;
}

/** Decodes an `eoskit.writer` header value; throws `HEADER_INVALID` when it is not a valid writer id. */
export function decodeWriterId(value: Buffer): string {
  let writerId: string;
  try {
    writerId = utf8.decode(value);
  } catch {
    throw invalid(`${WRITER_HEADER} is not valid UTF-8`);
  }
  const problem = writerIdProblem(writerId);
  if (problem !== undefined) throw invalid(`${WRITER_HEADER} ${problem}`);
  return writerId;
}

function invalid(message: string): EoskitError {
  return new EoskitError('HEADER_INVALID', message);
}

// Shows at most 40 characters of a bad value with non-printable bytes escaped,
// so an error message never dumps a large binary blob.
function printable(value: Buffer): string {
  const text = value.subarray(0, 40).toString('latin1').replace(/[^\x20-\x7e]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  return value.length > 40 ? `${text}...` : text;
}
