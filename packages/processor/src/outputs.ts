import { EoskitError } from '@eoskit/core';
import type { OutgoingRecord, RecordHeaders } from '@eoskit/core';
import type { ProcessorOutput } from './processor-types.js';

const bytes = (v: string | Buffer): Buffer => (typeof v === 'string' ? Buffer.from(v, 'utf8') : v);

/** Turns what `process` returned into records to produce, refusing malformed outputs with `CONFIG_INVALID`. */
export function toOutgoing(result: ProcessorOutput | ProcessorOutput[] | void | undefined): OutgoingRecord[] {
  if (result === undefined || result === null) return [];
  const list = Array.isArray(result) ? result : [result];
  return list.map((o, i) => {
    if (o === null || typeof o !== 'object' || typeof o.topic !== 'string' || o.topic === '') {
      throw new EoskitError('CONFIG_INVALID', `process() output ${i} has no topic`);
    }
    const headers: RecordHeaders | undefined =
      o.headers === undefined ? undefined : Object.fromEntries(Object.entries(o.headers).map(([k, v]) => [k, bytes(v)]));
    return {
      topic: o.topic,
      key: o.key === undefined || o.key === null ? null : bytes(o.key),
      value: o.value === null ? null : bytes(o.value),
      ...(headers === undefined ? {} : { headers }),
      ...(o.partition === undefined ? {} : { partition: o.partition }),
    };
  });
}
